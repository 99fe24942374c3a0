using System.Text;
using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.SenderKeys;
using Kith.Wire.Conversations;

namespace Kith.Simulation.World;

/// <summary>
/// What must hold after the network heals (issue 4, "Tests: Simulation"): every replica holds the same event
/// set and shows the same order; no event sent is lost; none is shown twice; a device restarted from its
/// store alone shows the same; every stored event re-verifies and decrypts to what its author wrote.
/// </summary>
internal static class Invariants
{
    public static List<string> Check(IReadOnlyList<SimNode> nodes, IReadOnlyDictionary<EventId, SentEvent> sent,
        SimDirectory directory)
    {
        var violations = new List<string>();
        List<SimNode> up = [.. nodes.Where(n => n.Up)];
        violations.AddRange(nodes.Where(n => !n.Up).Select(n => $"{n} is still down"));
        IReadOnlyList<EventId>? reference = null;
        foreach (SimNode node in up)
        {
            IReadOnlyList<EventId> order = node.Replica.Order();
            IReadOnlySet<EventId> held = node.Replica.EventIds();
            HashSet<EventId> expected = Expected(node, sent, directory);
            int lost = expected.Count(id => !held.Contains(id));
            if (lost > 0)
            {
                violations.Add($"{node} lost {lost} of {expected.Count} sent events");
            }

            int unknown = held.Count(id => !sent.ContainsKey(id));
            if (unknown > 0)
            {
                violations.Add($"{node} holds {unknown} events nobody sent");
            }

            int accepted = held.Count(id => !expected.Contains(id));
            if (accepted > 0)
            {
                violations.Add($"{node} accepted {accepted} events its revoked author wrote after the revocation");
            }

            if (node.Replica.PendingCount > 0)
            {
                violations.Add($"{node} still waits on {node.Replica.PendingCount} events");
            }

            int shownTwice = order.Count - order.Distinct().Count();
            if (shownTwice > 0)
            {
                violations.Add($"{node} shows {shownTwice} duplicate events");
            }

            if (!order.ToHashSet().SetEquals(held))
            {
                violations.Add($"{node} shows a different set of events than it holds");
            }

            // The revoked device holds its own rejected events too: the others must agree among themselves.
            if (node.Device == directory.Revoked)
            {
                continue;
            }

            reference ??= order;
            if (!order.SequenceEqual(reference))
            {
                violations.Add($"{node} shows another order than {up[0]} (first difference at {FirstDifference(order, reference)})");
            }
        }

        foreach (SimNode node in up)
        {
            violations.AddRange(CheckRestart(node));
            if (node.Up)
            {
                violations.AddRange(CheckStored(node, sent, directory));
            }
        }

        return violations;
    }

    /// <summary>
    /// What <paramref name="node"/> must hold: every event sent, except those a revoked author stamped after its
    /// revocation, which only the revoked device itself (unaware of it) keeps.
    /// </summary>
    public static HashSet<EventId> Expected(SimNode node, IReadOnlyDictionary<EventId, SentEvent> sent, SimDirectory directory) =>
        [.. sent.Values.Where(s => !s.Rejected || node.Device == directory.Revoked).Select(s => s.Id)];

    /// <summary>A device rebuilt from its store alone must show exactly what it showed before.</summary>
    private static IEnumerable<string> CheckRestart(SimNode node)
    {
        IReadOnlyList<EventId> before = node.Replica.Order();
        if (!TryRestart(node, out string? failure))
        {
            node.Up = false;
            yield return failure!;
            yield break;
        }

        IReadOnlyList<EventId> after = node.Replica.Order();
        if (!after.SequenceEqual(before))
        {
            yield return $"{node} after restart from its store shows {after.Count} events instead of {before.Count} "
                + $"(first difference at {FirstDifference(after, before)})";
        }
    }

    /// <summary>
    /// Crashes (if up) and restarts <paramref name="node"/>'s replica; a store that cannot be replayed is a
    /// violation, not an exception, and leaves the device down.
    /// </summary>
    public static bool TryRestart(SimNode node, out string? failure)
    {
        node.Replica.Crash();
        try
        {
            node.Replica.Restart();
            failure = null;
            return true;
        }
        catch (InvalidOperationException exception)
        {
            node.Replica.Crash();
            failure = $"{node} cannot restart from its store: {exception.Message}";
            return false;
        }
    }

    /// <summary>Every stored event: stored once, signed by its author's chain, and decrypting to the text sent.</summary>
    private static IEnumerable<string> CheckStored(SimNode node, IReadOnlyDictionary<EventId, SentEvent> sent,
        SimDirectory directory)
    {
        IReadOnlyList<ConversationEvent> stored = node.Replica.StoredEvents();
        if (stored.Select(e => e.Id).Distinct().Count() != stored.Count)
        {
            yield return $"{node} stores an event twice";
        }

        int bad = 0;
        foreach (IGrouping<DeviceId, ConversationEvent> byAuthor in stored.GroupBy(e => e.Author))
        {
            using ReceivedSenderChain chain = directory.ReceivedChainOf(byAuthor.Key);
            foreach (ConversationEvent e in byAuthor.OrderBy(e => e.ChainIndex))
            {
                bool intact = directory.IsAuthorsChain(e.Conversation, e.Author, e.ChainId, e.SigningKey)
                    && Ed25519.Verify(e.SigningKey, e.SignedContent(), e.Signature)
                    && chain.Decrypt(e.ChainIndex, e.Ciphertext, EventContent.AssociatedData(e)).TryGet(out byte[]? text, out _)
                    && sent.TryGetValue(e.Id, out SentEvent? original) && Encoding.UTF8.GetString(text!) == original.Text;
                bad += intact ? 0 : 1;
            }
        }

        if (bad > 0)
        {
            yield return $"{node} stores {bad} events that do not verify or decrypt to what was sent";
        }
    }

    private static int FirstDifference(IReadOnlyList<EventId> a, IReadOnlyList<EventId> b)
    {
        int i = 0;
        while (i < a.Count && i < b.Count && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
