using Kith.Primitives;

namespace Kith.Wire.Delivery;

/// <summary>
/// A conversation sync message (<see cref="Sync.SyncMessage"/>'s encoding) between two member devices. Sync is
/// not outboxed: it runs again whenever the devices connect, so a lost sync frame costs one round, not data.
/// </summary>
public sealed class SyncFrame : LinkFrame
{
    private readonly byte[] _message;

    /// <summary>Makes a frame; a message over <see cref="Limits.MaxSyncMessageBytes"/> is a caller bug and throws.</summary>
    /// <param name="message">The encoded sync message, carried opaque; the receiver decodes it.</param>
    public SyncFrame(ReadOnlySpan<byte> message)
    {
        if (message.Length > Limits.MaxSyncMessageBytes)
        {
            throw new ArgumentException($"A sync message is at most {Limits.MaxSyncMessageBytes} bytes.", nameof(message));
        }

        _message = message.ToArray();
    }

    /// <inheritdoc/>
    public override LinkFrameKind Kind => LinkFrameKind.Sync;

    /// <summary>The encoded sync message.</summary>
    public ReadOnlyMemory<byte> Message => _message;

    private protected override int BodySize => 4 + _message.Length;

    private protected override void WriteBody(WireWriter writer) => writer.Prefixed32(_message);

    /// <summary>The size only.</summary>
    public override string ToString() => $"Sync({_message.Length} bytes)";
}
