namespace Kith.Protocol.Noise;

/// <summary>Reading patterns in the spec's notation, and the validity rules of §7.3 and §9.3.</summary>
public sealed partial class HandshakePattern
{
    private const int Initiator = 0;
    private const int Responder = 1;

    /// <summary>
    /// Builds a pattern from the spec's notation, one line per message, pre-messages before <c>...</c>:
    /// <c>Define("IK", "&lt;- s", "...", "-&gt; e, es, s, ss", "&lt;- e, ee, se")</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The notation is malformed or the pattern is invalid (§7.3).</exception>
    private static HandshakePattern Define(string name, params string[] lines)
    {
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
    /// The rules the interpreter relies on, or <c>null</c> when all hold: pre-messages hold only <c>s</c>; each
    /// party sends <c>e</c> and <c>s</c> at most once and each DH happens at most once (§7.3 rules 1–2); a DH
    /// needs both keys already sent; rule 3 of §7.3 (no payload after a DH with the local static key until the
    /// matching ephemeral DH); and §9.3 (after a <c>psk</c>, no encrypted data from a party that has not sent
    /// <c>e</c>).
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

        bool[] sentE = new bool[2];
        bool[] sentS = [initiatorPre.Length == 1, responderPre.Length == 1];
        var done = new HashSet<NoiseToken>();
        bool pskSeen = false;
        for (int i = 0; i < messages.Length; i++)
        {
            int sender = i % 2;
            foreach (NoiseToken token in messages[i])
            {
                bool ok;
                switch (token)
                {
                    case NoiseToken.E:
                        ok = !sentE[sender];
                        sentE[sender] = true;
                        break;
                    case NoiseToken.S:
                        ok = !sentS[sender] && !(pskSeen && !sentE[sender]);
                        sentS[sender] = true;
                        break;
                    case NoiseToken.Psk:
                        ok = true;
                        pskSeen = true;
                        break;
                    default:
                        ok = HasBothKeys(token, sentE, sentS) && done.Add(token);
                        break;
                }

                if (!ok)
                {
                    return "a key is sent twice, a DH repeats or lacks a key, or a psk precedes e (§7.3, §9.3).";
                }
            }

            if ((pskSeen && !sentE[sender]) || !MaySendPayload(sender, done))
            {
                return "a payload would be encrypted under a static-only DH or a psk without e (§7.3 rule 3, §9.3).";
            }
        }

        return null;
    }

    private static bool HasBothKeys(NoiseToken dh, bool[] sentE, bool[] sentS) => dh switch
    {
        NoiseToken.EE => sentE[Initiator] && sentE[Responder],
        NoiseToken.ES => sentE[Initiator] && sentS[Responder],
        NoiseToken.SE => sentS[Initiator] && sentE[Responder],
        NoiseToken.SS => sentS[Initiator] && sentS[Responder],
        _ => false,
    };

    /// <summary>§7.3 rule 3 in the spec's own four cases.</summary>
    private static bool MaySendPayload(int sender, HashSet<NoiseToken> done) => sender == Initiator
        ? (!done.Contains(NoiseToken.SE) || done.Contains(NoiseToken.EE)) && (!done.Contains(NoiseToken.SS) || done.Contains(NoiseToken.ES))
        : (!done.Contains(NoiseToken.ES) || done.Contains(NoiseToken.EE)) && (!done.Contains(NoiseToken.SS) || done.Contains(NoiseToken.SE));
}
