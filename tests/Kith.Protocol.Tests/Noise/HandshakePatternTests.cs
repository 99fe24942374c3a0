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
}
