using System.Security.Cryptography;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.SenderKeys;
using Kith.Protocol.Storage;

namespace Kith.Protocol.Messaging;

/// <summary>
/// Where a replica keeps its sender chains and refusals in the device's <see cref="IStateStore"/> (values are
/// encrypted at rest by Kith.Storage; keys that need equality are blind-indexed there).
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>senderkey.own</c></term><description>key conversation: this device's chain (<see cref="SenderChain.Serialize"/>).</description></item>
/// <item><term><c>senderkey.own.to</c></term><description>key conversation: the member devices the chain was announced to, ascending (README, decision 7).</description></item>
/// <item><term><c>senderkey.own.pending</c></term><description>key conversation ‖ device: this device's chain as it was when announced (index 0), for a member device it could not be sealed to (no session and no prekeys yet, e.g. a contact added from a QR card); handed over once the device is reachable (<c>ConversationReplica.HandOverPendingChains</c>).</description></item>
/// <item><term><c>senderkey.own.pending.to</c></term><description>key conversation: the devices waiting for such a hand-over.</description></item>
/// <item><term><c>senderkey.received</c></term><description>key conversation ‖ author ‖ chain id: a member's chain (<see cref="ReceivedSenderChain.Serialize"/>).</description></item>
/// <item><term><c>refused</c></term><description>key conversation ‖ event id: a deleted event (README, decision 8).</description></item>
/// <item><term><c>cleared</c></term><description>key conversation: the latest cut of a cleared conversation, u64 big-endian (README, decision 8).</description></item>
/// </list>
/// </remarks>
internal sealed class ChainStore(IStateStore state, ConversationId conversation)
{
    public const string OwnKind = "senderkey.own";
    public const string OwnRecipientsKind = "senderkey.own.to";
    public const string PendingKind = "senderkey.own.pending";
    public const string PendingDevicesKind = "senderkey.own.pending.to";
    public const string ReceivedKind = "senderkey.received";
    public const string RefusedKind = "refused";
    public const string ClearedKind = "cleared";

    /// <summary>No cut: every timestamp is after it.</summary>
    public const long NeverCleared = -1;

    private static readonly byte[] RefusedMarker = [1];

    public Result<SenderChain?> LoadOwn() => LoadSecret(OwnKind, conversation.Span, static bytes => SenderChain.Deserialize(bytes));

    public void SaveOwn(SenderChain chain) => WriteSecret(OwnKind, conversation.Span, chain.Serialize());

    public IReadOnlyList<DeviceId> LoadOwnRecipients() => LoadDevices(OwnRecipientsKind);

    public void SaveOwnRecipients(IReadOnlyList<DeviceId> recipients) =>
        state.Write(OwnRecipientsKind, conversation.Span, [.. recipients.SelectMany(d => d.ToArray())]);

    /// <summary>The devices waiting for the own chain to be handed over.</summary>
    public IReadOnlyList<DeviceId> LoadPendingDevices() => LoadDevices(PendingDevicesKind);

    /// <summary>Keeps <paramref name="chainAtStart"/> (not yet advanced) for <paramref name="device"/>, replacing an older chain's.</summary>
    public void SavePending(DeviceId device, SenderChain chainAtStart)
    {
        ArgumentNullException.ThrowIfNull(chainAtStart);
        WriteSecret(PendingKind, PendingKey(device), chainAtStart.Serialize());
        IReadOnlyList<DeviceId> devices = LoadPendingDevices();
        if (!devices.Contains(device))
        {
            SavePendingDevices([.. devices, device]);
        }
    }

    /// <summary>The chain kept for <paramref name="device"/>, or null.</summary>
    public Result<SenderChain?> LoadPending(DeviceId device) => LoadSecret(PendingKind, PendingKey(device), static bytes => SenderChain.Deserialize(bytes));

    /// <summary>Forgets the chain kept for <paramref name="device"/> (handed over, or the device left).</summary>
    public void RemovePending(DeviceId device)
    {
        _ = state.Delete(PendingKind, PendingKey(device));
        SavePendingDevices([.. LoadPendingDevices().Where(d => d != device)]);
    }

    public Result<ReceivedSenderChain?> LoadReceived(DeviceId author, ReadOnlySpan<byte> chainId) =>
        LoadSecret(ReceivedKind, ReceivedKey(author, chainId), static bytes => ReceivedSenderChain.Deserialize(bytes));

    public bool HasReceived(DeviceId author, ReadOnlySpan<byte> chainId) =>
        state.Read(ReceivedKind, ReceivedKey(author, chainId)) is { IsOk: true, Value: not null };

    public void SaveReceived(ReceivedSenderChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        WriteSecret(ReceivedKind, ReceivedKey(chain.Author, chain.ChainId), chain.Serialize());
    }

    public bool IsRefused(EventId id) => state.Read(RefusedKind, RefusedKey(id)) is { IsOk: true, Value: not null };

    public void Refuse(EventId id) => state.Write(RefusedKind, RefusedKey(id), RefusedMarker);

    /// <summary>The conversation's cut (<see cref="NeverCleared"/> when none); an unreadable value reads as none.</summary>
    public long ClearedUpTo() =>
        state.Read(ClearedKind, conversation.Span).TryGet(out byte[]? bytes, out _) && bytes is { Length: sizeof(long) }
            ? System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes)
            : NeverCleared;

    public void SaveClearedUpTo(long upTo)
    {
        byte[] bytes = new byte[sizeof(long)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, upTo);
        state.Write(ClearedKind, conversation.Span, bytes);
    }

    private byte[] ReceivedKey(DeviceId author, ReadOnlySpan<byte> chainId) => [.. conversation.Span, .. author.Span, .. chainId];

    private byte[] RefusedKey(EventId id) => [.. conversation.Span, .. id.Span];

    public override string ToString() => $"ChainStore({conversation})";

    private void SavePendingDevices(IReadOnlyList<DeviceId> devices)
    {
        if (devices.Count == 0)
        {
            _ = state.Delete(PendingDevicesKind, conversation.Span);
            return;
        }

        state.Write(PendingDevicesKind, conversation.Span, [.. devices.SelectMany(d => d.ToArray())]);
    }

    private byte[] PendingKey(DeviceId device) => [.. conversation.Span, .. device.Span];

    /// <summary>A stored chain (its keys), or null; the serialised copy is zeroed once it is restored.</summary>
    private Result<T?> LoadSecret<T>(string kind, ReadOnlySpan<byte> key, Func<byte[], Result<T>> deserialize)
        where T : class
    {
        if (!state.Read(kind, key).TryGet(out byte[]? bytes, out KithError? error))
        {
            return error;
        }

        if (bytes is null)
        {
            return Result<T?>.Ok(null);
        }

        Result<T> restored = deserialize(bytes);
        CryptographicOperations.ZeroMemory(bytes);
        return restored.TryGet(out T? value, out error) ? value : error;
    }

    /// <summary>Writes a serialised chain, then zeroes the caller's copy.</summary>
    private void WriteSecret(string kind, ReadOnlySpan<byte> key, byte[] bytes)
    {
        state.Write(kind, key, bytes);
        CryptographicOperations.ZeroMemory(bytes);
    }

    /// <summary>A stored list of devices; unreadable reads as none, which only forces a rotation or a later hand-over.</summary>
    private IReadOnlyList<DeviceId> LoadDevices(string kind) =>
        state.Read(kind, conversation.Span).TryGet(out byte[]? bytes, out _) && bytes is not null && bytes.Length % DeviceId.Size == 0
            ? [.. bytes.Chunk(DeviceId.Size).Select(id => DeviceId.FromBytes(id))]
            : [];
}
