using Kith.Crypto;
using Kith.Primitives;
using Kith.Protocol.Conversations;
using Kith.Protocol.Sync;
using Kith.Wire.Sync;

namespace Kith.Protocol.Tests.Sync;

/// <summary>
/// Two replicas joined by an in-memory link that encodes and decodes every message, checks its size
/// against <see cref="Limits.MaxSyncMessageBytes"/>, and may drop or duplicate messages from a seeded
/// random source. Loss is recovered the way a transport would: by starting fresh sessions.
/// </summary>
internal sealed class SyncNetwork(ConversationLog a, ConversationLog b, long nowUnixMs)
{
    public int DropPercent { get; init; }

    public int DuplicatePercent { get; init; }

    public SeededRandomSource? Faults { get; init; }

    public int Messages { get; private set; }

    public int MaxMessageBytes { get; private set; }

    public int EventsSent { get; private set; }

    public int Rounds { get; private set; }

    /// <summary>The longest chain of messages each sent in reply to the previous one, over all sessions;
    /// half of it is the round trips a session took.</summary>
    public int MaxDepth { get; private set; }

    /// <summary>Round trips of the longest session: two messages in a reply chain make one.</summary>
    public int RoundTrips => (MaxDepth + 1) / 2;

    /// <summary>Runs sessions (restarting after each quiet link) until both logs hold the same events, or gives up.</summary>
    public bool RunUntilConverged(int maxRounds)
    {
        for (Rounds = 1; Rounds <= maxRounds; Rounds++)
        {
            RunSession();
            if (Converged(a, b))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Converged(ConversationLog x, ConversationLog y) =>
        x.Count == y.Count && x.PendingCount == 0 && y.PendingCount == 0 && x.Order().SequenceEqual(y.Order());

    /// <summary>One session on each side, pumped until no message is in flight.</summary>
    public void RunSession()
    {
        var sessionA = new SyncSession(a);
        var sessionB = new SyncSession(b);
        var queue = new Queue<(SyncSession To, byte[] Bytes, int Depth)>();
        Send(queue, sessionB, sessionA.Start(), 1);
        Send(queue, sessionA, sessionB.Start(), 1);
        while (queue.TryDequeue(out var item))
        {
            SyncMessage message = SyncMessage.Decode(item.Bytes).Value;
            SyncStep step = item.To.Receive(message, nowUnixMs).Value;
            SyncSession back = item.To == sessionA ? sessionB : sessionA;
            foreach (SyncMessage reply in step.Outgoing)
            {
                Send(queue, back, reply, item.Depth + 1);
            }
        }
    }

    private void Send(Queue<(SyncSession, byte[], int)> queue, SyncSession to, SyncMessage message, int depth)
    {
        MaxDepth = Math.Max(MaxDepth, depth);
        byte[] bytes = message.Encode();
        Messages++;
        EventsSent += (message as SyncEvents)?.Events.Count ?? 0;
        MaxMessageBytes = Math.Max(MaxMessageBytes, bytes.Length);
        if (bytes.Length > Limits.MaxSyncMessageBytes)
        {
            throw new InvalidOperationException($"A {message.Kind} message of {bytes.Length} bytes exceeds the limit.");
        }

        if (Faults is not null && Faults.NextInt(100) < DropPercent)
        {
            return;
        }

        queue.Enqueue((to, bytes, depth));
        if (Faults is not null && Faults.NextInt(100) < DuplicatePercent)
        {
            queue.Enqueue((to, bytes, depth));
        }
    }
}
