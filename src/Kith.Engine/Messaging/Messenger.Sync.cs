using Kith.Engine.Delivery;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Sync;
using Kith.Wire.Sync;

namespace Kith.Engine.Messaging;

public sealed partial class Messenger
{
    private readonly Dictionary<(DeviceId Device, ConversationId Conversation), SyncSession> _sessions = [];

    /// <summary>
    /// Issue 5: "Sync of the conversation logs runs whenever two member devices connect". A fresh
    /// <see cref="SyncSession"/> per shared conversation (sessions restart on reconnect: the log carries all
    /// progress, Sync README), opened with this replica's heads.
    /// </summary>
    void ISyncHandler.Connected(DeviceId device)
    {
        Result<List<SyncMessage>> opening = Run(step =>
        {
            var outgoing = new List<SyncMessage>();
            foreach (ConversationId conversation in Conversations())
            {
                if (Membership(conversation)?.Devices.Contains(device) == true && Replica(conversation) is { } replica)
                {
                    var session = new SyncSession(replica.Log);
                    _sessions[(device, conversation)] = session;
                    outgoing.Add(session.Start());
                }
            }

            return Result<List<SyncMessage>>.Ok(outgoing);
        });
        SendAll(device, opening);
    }

    /// <summary>
    /// A sync message (untrusted): it is dropped unless it decodes and names a conversation both devices are members
    /// of; events the session's log accepted go through the replica (decrypt, store, show) in the same step.
    /// </summary>
    void ISyncHandler.Received(DeviceId device, ReadOnlyMemory<byte> message)
    {
        if (!SyncMessage.Decode(message.Span).TryGet(out SyncMessage? decoded, out _))
        {
            return;
        }

        Result<List<SyncMessage>> replies = Run(context => HandleSync(context, device, decoded, null));
        SendAll(device, replies);
    }

    /// <summary>
    /// Sync messages that arrived together from <paramref name="device"/> (untrusted, in order), taken in ONE step:
    /// the events' signatures are checked first on every core, outside the step and its lock
    /// (<see cref="CheckedSyncEvents"/>; issue 4: verification is most of a large sync's CPU), then every message
    /// goes through its session in order, the whole run commits once, and the replies leave after that commit.
    /// </summary>
    void ISyncHandler.ReceivedTogether(DeviceId device, IReadOnlyList<ReadOnlyMemory<byte>> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var run = new List<(SyncMessage Message, CheckedSyncEvents? Checked)>(messages.Count);
        foreach (ReadOnlyMemory<byte> bytes in messages)
        {
            if (SyncMessage.Decode(bytes.Span).TryGet(out SyncMessage? decoded, out _))
            {
                run.Add((decoded, decoded is SyncEvents events
                    ? CheckedSyncEvents.Check(events, static (count, body) => Parallel.For(0, count, body))
                    : null));
            }
        }

        if (run.Count == 0)
        {
            return;
        }

        Result<List<SyncMessage>> replies = Run(context =>
        {
            var outgoing = new List<SyncMessage>();
            foreach (var (message, verified) in run)
            {
                if (!HandleSync(context, device, message, verified).TryGet(out List<SyncMessage>? some, out KithError? error))
                {
                    return error;
                }

                outgoing.AddRange(some);
            }

            return Result<List<SyncMessage>>.Ok(outgoing);
        });
        SendAll(device, replies);
    }

    private Result<List<SyncMessage>> HandleSync(StepContext context, DeviceId device, SyncMessage message, CheckedSyncEvents? verified)
    {
        ConversationId conversation = message.Conversation;
        if (Membership(conversation)?.Devices.Contains(device) != true || Replica(conversation) is not { } replica)
        {
            return new List<SyncMessage>();
        }

        if (!_sessions.TryGetValue((device, conversation), out SyncSession? session))
        {
            // The peer connected first: answer in a session of our own.
            session = new SyncSession(replica.Log);
            _sessions[(device, conversation)] = session;
        }

        Result<SyncStep> received = verified is null ? session.Receive(message, context.NowUnixMs) : session.ReceiveChecked(verified, context.NowUnixMs);
        if (!received.TryGet(out SyncStep? step, out _))
        {
            return new List<SyncMessage>();
        }

        if (step.Accepted.Count > 0)
        {
            Took(conversation, Abort(replica.TakeSynced(step.Accepted)));
        }

        return new List<SyncMessage>(step.Outgoing);
    }

    private void SendAll(DeviceId device, Result<List<SyncMessage>> messages)
    {
        if (messages.TryGet(out List<SyncMessage>? outgoing, out _))
        {
            foreach (SyncMessage message in outgoing)
            {
                _ = Engine.SendSync(device, message.Encode());
            }
        }
    }

    /// <summary>A link went down: its sessions end (a reconnect starts new ones).</summary>
    internal void OnDisconnected(DeviceId device)
    {
        _ = Run(step =>
        {
            foreach (var key in _sessions.Keys.Where(k => k.Device == device).ToList())
            {
                _ = _sessions.Remove(key);
            }

            return Result.Ok();
        });
    }

    /// <summary>The replica behind these sessions was dropped: their log is gone too.</summary>
    private void DropSessions(ConversationId conversation)
    {
        foreach (var key in _sessions.Keys.Where(k => k.Conversation == conversation).ToList())
        {
            _ = _sessions.Remove(key);
        }
    }

    /// <summary>The engine finished a frame: announce what its step committed.</summary>
    internal void AfterFrame() => Announce();
}
