namespace Kith.Protocol.Noise;

/// <summary>Reading patterns in the spec's notation, and the validity rules of §7.3 and §9.3.</summary>
public sealed partial class HandshakePattern
{
    private const int Initiator = 0;
    private const int Responder = 1;

    /// <summary>
    /// Builds a pattern from the spec's notation (§7.1), one string per line, pre-messages before <c>...</c>:
    /// <c>Define("IK", "&lt;- s", "...", "-&gt; e, es, s, ss", "&lt;- e, ee, se")</c>. The catalogue is written this
    /// way; applications need it only for patterns outside the catalogue, and must then make sure both
    /// parties agree on what the name means, since the name is all the protocol name carries (§8).
    /// </summary>
    /// <exception cref="ArgumentException">The notation is malformed or the pattern breaks §7.3 or §9.3.</exception>
    public static HandshakePattern Define(string name, params string[] lines)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(lines);
        int separator = Array.IndexOf(lines, "...");
        NoiseToken[] initiatorPre = [];
        NoiseToken[] responderPre = [];
        for (int i = 0; i < separator; i++)
        {
            (int sender, NoiseToken[] tokens) = ParseLine(name, lines[i]);
            if (sender == Initiator && initiatorPre.Length == 0 && responderPre.Length == 0)
            {
                initiatorPre = tokens;
            }
            else if (sender == Responder && responderPre.Length == 0)
            {
                responderPre = tokens;
            }
            else
            {
                throw new ArgumentException($"Pattern {name}: pre-messages are the initiator's, then the responder's.");
            }
        }

        var messages = new NoiseToken[lines.Length - separator - 1][];
        for (int i = 0; i < messages.Length; i++)
        {
            (int sender, messages[i]) = ParseLine(name, lines[separator + 1 + i]);
            if (sender != i % 2)
            {
                throw new ArgumentException($"Pattern {name}: messages alternate, starting with the initiator (§7.1).");
            }
        }

        string? problem = FindProblem(initiatorPre, responderPre, messages);
        return problem is null
            ? new HandshakePattern(name, initiatorPre, responderPre, messages)
            : throw new ArgumentException($"Pattern {name}: {problem}");
    }

    private static (int Sender, NoiseToken[] Tokens) ParseLine(string name, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int sender = line.StartsWith("-> ", StringComparison.Ordinal) ? Initiator
            : line.StartsWith("<- ", StringComparison.Ordinal) ? Responder
            : throw new ArgumentException($"Pattern {name}: a line starts with -> or <-.");
        NoiseToken[] tokens = line[3..].Split(", ").Select(token => token switch
        {
            "e" => NoiseToken.E,
            "s" => NoiseToken.S,
            "ee" => NoiseToken.EE,
            "es" => NoiseToken.ES,
            "se" => NoiseToken.SE,
            "ss" => NoiseToken.SS,
            "psk" => NoiseToken.Psk,
            _ => throw new ArgumentException($"Pattern {name}: unknown token."),
        }).ToArray();
        return (sender, tokens);
    }

    /// <summary>
    /// The validity rules, or <c>null</c> when all hold. §7.3: (1) a DH uses only keys already sent; (2) each
    /// party sends <c>e</c> and <c>s</c> at most once, pre-messages included; (3) each DH happens at most once;
    /// (4) a party does not encrypt (an <c>s</c> token, a handshake payload, or transport payloads) after a DH
    /// involving its static key until the matching DH with its ephemeral key. §9.3: after a <c>psk</c>, a party
    /// does not encrypt until it has sent <c>e</c>. Pre-messages here carry only <c>s</c>.
    /// </summary>
    private static string? FindProblem(NoiseToken[] initiatorPre, NoiseToken[] responderPre, NoiseToken[][] messages)
    {
        if (messages.Length == 0)
        {
            return "a pattern has at least one message.";
        }

        if (initiatorPre.Any(t => t != NoiseToken.S) || responderPre.Any(t => t != NoiseToken.S) ||
            initiatorPre.Length > 1 || responderPre.Length > 1)
        {
            return "pre-messages carry only a static key (ephemeral pre-messages are for fallback, §10.2).";
        }

        var state = new ValidityState([initiatorPre.Length == 1, responderPre.Length == 1]);
        for (int i = 0; i < messages.Length; i++)
        {
            int sender = i % 2;
            foreach (NoiseToken token in messages[i])
            {
                if (!state.Step(sender, token))
                {
                    return $"token {token} of message {i + 1} breaks §7.3 rules 1-4 or §9.3.";
                }
            }

            if (!state.MayEncrypt(sender))
            {
                return $"the payload of message {i + 1} breaks §7.3 rule 4 or §9.3.";
            }
        }

        bool transportOk = messages.Length == 1
            ? state.MayEncrypt(Initiator)
            : state.MayEncrypt(Initiator) && state.MayEncrypt(Responder);
        return transportOk ? null : "transport payloads would break §7.3 rule 4 or §9.3.";
    }

    /// <summary>What has been sent and computed so far, for <see cref="FindProblem"/>.</summary>
    private sealed class ValidityState(bool[] sentS)
    {
        private readonly bool[] _sentE = new bool[2];
        private readonly HashSet<NoiseToken> _dhDone = [];
        private bool _pskSeen;

        public bool Step(int sender, NoiseToken token)
        {
            switch (token)
            {
                case NoiseToken.E:
                    bool fresh = !_sentE[sender];
                    _sentE[sender] = true;
                    return fresh;
                case NoiseToken.S:
                    bool ok = !sentS[sender] && MayEncrypt(sender);
                    sentS[sender] = true;
                    return ok;
                case NoiseToken.Psk:
                    _pskSeen = true;
                    return true;
                default:
                    return HasBothKeys(token) && _dhDone.Add(token);
            }
        }

        /// <summary>Rule 4 in the spec's four cases, and §9.3. Vacuous before any key exists, as no ENCRYPT happens.</summary>
        public bool MayEncrypt(int sender)
        {
            bool rule4 = sender == Initiator
                ? (!Done(NoiseToken.SE) || Done(NoiseToken.EE)) && (!Done(NoiseToken.SS) || Done(NoiseToken.ES))
                : (!Done(NoiseToken.ES) || Done(NoiseToken.EE)) && (!Done(NoiseToken.SS) || Done(NoiseToken.SE));
            return rule4 && (!_pskSeen || _sentE[sender]);
        }

        private bool Done(NoiseToken dh) => _dhDone.Contains(dh);

        private bool HasBothKeys(NoiseToken dh) => dh switch
        {
            NoiseToken.EE => _sentE[Initiator] && _sentE[Responder],
            NoiseToken.ES => _sentE[Initiator] && sentS[Responder],
            NoiseToken.SE => sentS[Initiator] && _sentE[Responder],
            NoiseToken.SS => sentS[Initiator] && sentS[Responder],
            _ => false,
        };
    }
}
