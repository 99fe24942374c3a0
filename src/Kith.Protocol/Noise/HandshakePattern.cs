using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kith.Protocol.Noise;

/// <summary>
/// A Noise handshake pattern (Noise rev. 34 §7): the pre-messages (public keys each side knows before the
/// handshake starts) and the message patterns, alternating from the initiator. <see cref="HandshakeState"/>
/// interprets any pattern token by token, so every pattern here is data, not code.
/// </summary>
/// <remarks>
/// The catalogue holds the one-way (§7.4), fundamental interactive (§7.5) and deferred interactive (§7.6)
/// patterns, and <see cref="TryGet"/> applies <c>pskN</c> modifiers (§9.4). Kith's links use
/// <see cref="XX"/> when the peer's static key is unknown and <see cref="IK"/> when it is known.
/// Pre-messages carry only <c>s</c>: an ephemeral pre-message exists only for fallback patterns (§10.2),
/// which Kith does not use.
/// </remarks>
public sealed partial class HandshakePattern
{
    private readonly NoiseToken[] _initiatorPreMessage;
    private readonly NoiseToken[] _responderPreMessage;
    private readonly NoiseToken[][] _messages;

    private HandshakePattern(string name, NoiseToken[] initiatorPreMessage, NoiseToken[] responderPreMessage, NoiseToken[][] messages)
    {
        Name = name;
        _initiatorPreMessage = initiatorPreMessage;
        _responderPreMessage = responderPreMessage;
        _messages = messages;
        PskCount = messages.Sum(m => m.Count(t => t == NoiseToken.Psk));
    }

    /// <summary>The pattern's name as it appears in the protocol name (§8), e.g. <c>XX</c> or <c>IKpsk2</c>.</summary>
    public string Name { get; }

    /// <summary>The initiator's pre-message (<c>-&gt; s</c> before <c>...</c>): keys the responder knows in advance.</summary>
    public IReadOnlyList<NoiseToken> InitiatorPreMessage => _initiatorPreMessage;

    /// <summary>The responder's pre-message (<c>&lt;- s</c> before <c>...</c>): keys the initiator knows in advance.</summary>
    public IReadOnlyList<NoiseToken> ResponderPreMessage => _responderPreMessage;

    /// <summary>Number of handshake messages; even-indexed ones are sent by the initiator (§7.1).</summary>
    public int MessageCount => _messages.Length;

    /// <summary>Whether only the initiator ever sends (one-way patterns, §7.4).</summary>
    public bool IsOneWay => _messages.Length == 1;

    /// <summary>How many pre-shared keys the pattern mixes in (one per <c>psk</c> token, §9.2).</summary>
    public int PskCount { get; }

    /// <summary>The tokens of message <paramref name="index"/> in order.</summary>
    public IReadOnlyList<NoiseToken> Message(int index) => _messages[index];

    /// <summary>The full protocol name for Kith's suite (§8): <c>Noise_</c> + name + <c>_25519_ChaChaPoly_BLAKE2b</c>.</summary>
    public string ProtocolName => "Noise_" + Name + "_25519_ChaChaPoly_BLAKE2b";

    /// <summary>
    /// Finds a catalogue pattern by name, with optional PSK modifiers (§9.4), e.g. <c>XX</c>, <c>IKpsk2</c> or
    /// <c>NNpsk0+psk2</c>. Returns <c>false</c> for unknown names and invalid modifiers.
    /// </summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out HandshakePattern? pattern)
    {
        ArgumentNullException.ThrowIfNull(name);
        pattern = null;
        int modifiers = name.IndexOf("psk", StringComparison.Ordinal);
        string baseName = modifiers < 0 ? name : name[..modifiers];
        HandshakePattern? found = All.FirstOrDefault(p => p.Name == baseName);
        if (found is null)
        {
            return false;
        }

        if (modifiers < 0)
        {
            pattern = found;
            return true;
        }

        var positions = new List<int>();
        foreach (string modifier in name[modifiers..].Split('+'))
        {
            if (!modifier.StartsWith("psk", StringComparison.Ordinal) ||
                !int.TryParse(modifier.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out int position) ||
                position > found.MessageCount || positions.Contains(position) ||
                modifier.Length != 3 + position.ToString(CultureInfo.InvariantCulture).Length)
            {
                return false;
            }

            positions.Add(position);
        }

        pattern = found.WithPsks(name, positions);
        return pattern is not null;
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    /// <summary>
    /// §9.4: <c>psk0</c> puts a <c>psk</c> token at the start of the first message; <c>pskN</c> (N ≥ 1) at the
    /// end of message N. Returns <c>null</c> when the result is invalid (§7.3, §9.3).
    /// </summary>
    private HandshakePattern? WithPsks(string name, List<int> positions)
    {
        var messages = _messages.Select(m => new List<NoiseToken>(m)).ToArray();
        foreach (int position in positions)
        {
            if (position == 0)
            {
                messages[0].Insert(0, NoiseToken.Psk);
            }
            else
            {
                messages[position - 1].Add(NoiseToken.Psk);
            }
        }

        NoiseToken[][] tokens = messages.Select(m => m.ToArray()).ToArray();
        return FindProblem(_initiatorPreMessage, _responderPreMessage, tokens) is null
            ? new HandshakePattern(name, _initiatorPreMessage, _responderPreMessage, tokens)
            : null;
    }
}
