using Kith.Protocol.Noise;

namespace Kith.Protocol.Tests.Noise;

public class HandshakePatternTests
{
    [Fact]
    public void Catalogue_holds_the_one_way_fundamental_and_deferred_patterns_once_each()
    {
        string[] names = HandshakePattern.All.Select(p => p.Name).ToArray();
        Assert.Equal(38, names.Length);
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Same(HandshakePattern.XX, HandshakePattern.All.Single(p => p.Name == "XX"));
        Assert.All(new[] { HandshakePattern.N, HandshakePattern.K, HandshakePattern.X }, p => Assert.True(p.IsOneWay));
    }

    [Fact]
    public void XX_and_IK_read_as_in_the_spec()
    {
        Assert.Empty(HandshakePattern.XX.InitiatorPreMessage);
        Assert.Empty(HandshakePattern.XX.ResponderPreMessage);
        Assert.Equal([NoiseToken.E], HandshakePattern.XX.Message(0));
        Assert.Equal([NoiseToken.E, NoiseToken.EE, NoiseToken.S, NoiseToken.ES], HandshakePattern.XX.Message(1));
        Assert.Equal([NoiseToken.S, NoiseToken.SE], HandshakePattern.XX.Message(2));

        Assert.Equal([NoiseToken.S], HandshakePattern.IK.ResponderPreMessage);
        Assert.Equal([NoiseToken.E, NoiseToken.ES, NoiseToken.S, NoiseToken.SS], HandshakePattern.IK.Message(0));
        Assert.Equal([NoiseToken.E, NoiseToken.EE, NoiseToken.SE], HandshakePattern.IK.Message(1));
        Assert.Equal("Noise_IK_25519_ChaChaPoly_BLAKE2b", HandshakePattern.IK.ProtocolName);
    }

    [Theory]
    [InlineData("NNpsk0", 0, 0)]
    [InlineData("XXpsk3", 2, 2)]
    [InlineData("IKpsk2", 1, 3)]
    [InlineData("NNpsk0+psk2", 1, 2)]
    public void Psk_modifiers_place_psk_tokens_as_section_9_4_says(string name, int message, int position)
    {
        Assert.True(HandshakePattern.TryGet(name, out HandshakePattern? pattern));
        Assert.Equal(name, pattern.Name);
        Assert.Equal(NoiseToken.Psk, pattern.Message(message)[position]);
        Assert.Equal(name.Split('+').Length, pattern.PskCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("xx")]
    [InlineData("XY")]
    [InlineData("XXpsk")]
    [InlineData("XXpsk4")]
    [InlineData("XXpsk03")]
    [InlineData("XXpsk3+psk3")]
    [InlineData("XXpsk3+")]
    [InlineData("XXfallback")]
    [InlineData("Npsk2")]
    public void Unknown_names_and_invalid_modifiers_are_not_found(string name)
    {
        Assert.False(HandshakePattern.TryGet(name, out HandshakePattern? pattern));
        Assert.Null(pattern);
    }

    [Fact]
    public void Define_reads_the_spec_notation()
    {
        HandshakePattern pattern = HandshakePattern.Define("KK", "-> s", "<- s", "...", "-> e, es, ss", "<- e, ee, se");
        Assert.Equal([NoiseToken.S], pattern.InitiatorPreMessage);
        Assert.Equal([NoiseToken.S], pattern.ResponderPreMessage);
        Assert.Equal(HandshakePattern.KK.Message(0), pattern.Message(0));
        Assert.Equal(HandshakePattern.KK.Message(1), pattern.Message(1));
    }

    [Theory]
    [InlineData("rule 1: es before the responder's static key is known", "-> e, es", "<- e, ee")]
    [InlineData("rule 1: ee before the responder sent e", "-> e, ee")]
    [InlineData("rule 2: e sent twice", "-> e", "<- e, ee", "-> e")]
    [InlineData("rule 2: s sent twice", "-> e, s", "<- e, ee, se", "-> s")]
    [InlineData("rule 3: ee computed twice", "-> e", "<- e, ee", "-> ee")]
    [InlineData("rule 4: initiator payload after se without ee", "-> e, s", "<- e, se")]
    [InlineData("rule 4: responder payload after es without ee", "-> e", "<- s, es")]
    [InlineData("rule 4: responder transport payloads after es without ee", "-> e", "<- e, s", "-> es")]
    [InlineData("§9.3: responder encrypts after psk before its e", "-> e, psk", "<- s, e, ee")]
    [InlineData("§9.3: initiator encrypts s after psk before its e", "-> psk, s, e", "<- e, ee")]
    [InlineData("notation: messages must alternate", "-> e", "-> s")]
    [InlineData("notation: first message from the initiator", "<- e")]
    [InlineData("notation: unknown token", "-> e, xy")]
    [InlineData("notation: ephemeral pre-message (fallback only)", "<- e", "...", "-> e, ee")]
    [InlineData("notation: no messages", "<- s", "...")]
    public void Define_rejects_patterns_that_break_the_validity_rules(string why, params string[] lines)
    {
        Assert.Throws<ArgumentException>(() => HandshakePattern.Define("Custom", lines));
        Assert.NotEmpty(why);
    }

    [Fact]
    public void A_custom_pattern_runs_through_the_interpreter_and_its_name_is_bound_into_the_keys()
    {
        HandshakePattern copy = HandshakePattern.Define("XXcopy", "-> e", "<- e, ee, s, es", "-> s, se");
        using var custom = new NoiseHarness(copy, 3);
        using var standard = new NoiseHarness(HandshakePattern.XX, 3);
        (NoiseTransport customInitiator, NoiseTransport customResponder) = custom.Complete();
        (NoiseTransport standardInitiator, NoiseTransport _) = standard.Complete();
        Assert.True(customResponder.Decrypt(customInitiator.Encrypt("hi"u8).Value).IsOk);
        Assert.NotEqual(standardInitiator.HandshakeHash.ToArray(), customInitiator.HandshakeHash.ToArray());
    }
}
