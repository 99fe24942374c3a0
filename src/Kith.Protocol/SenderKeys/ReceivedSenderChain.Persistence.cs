using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire;

namespace Kith.Protocol.SenderKeys;

/// <summary>The stored form of a member's copy of a chain.</summary>
/// <remarks>
/// <para>Layout (version 1; integers big-endian):</para>
/// <code>
/// version (1) ‖ author (32) ‖ chain id (32) ‖ conversation id (32) ‖ signing public key (32)
/// ‖ first index (u32) ‖ next index (u32) ‖ chain key (32) ‖ key count (u16) ‖ per key: index (u32) ‖ message key (32)
/// </code>
/// <para>
/// The decoder accepts only what the encoder writes: indexes strictly increasing, within
/// [first index, next index), and at most <see cref="Limits.SenderKeyMaxSkippedMessageKeys"/> of them.
/// </para>
/// </remarks>
public sealed partial class ReceivedSenderChain
{
    /// <summary>Current stored-state version.</summary>
    public const byte StateVersion = 1;

    private const int FixedSize = 1 + 4 * 32 + 4 + 4 + SenderKeyKdf.KeySize + 2;
    private const int EntrySize = 4 + SenderKeyKdf.KeySize;

    /// <summary>Serialises the chain, keys included, for the caller's encrypted store; the caller zeroes the result.</summary>
    public byte[] Serialize()
    {
        WireWriter writer = new WireWriter(FixedSize + _skipped.Count * EntrySize).Byte(StateVersion).Bytes(Author.Span).Bytes(_chainId)
            .Bytes(Conversation.Span).Bytes(_signingPublicKey).U32(FirstIndex).U32(NextIndex).Bytes(_chainKey.Span)
            .U16((ushort)_skipped.Count);
        foreach (KeyValuePair<uint, SecretBytes> entry in _skipped)
        {
            _ = writer.U32(entry.Key).Bytes(entry.Value.Span);
        }

        return writer.ToArray();
    }

    /// <summary>Restores a chain written by <see cref="Serialize"/>; never throws on malformed input.</summary>
    public static Result<ReceivedSenderChain> Deserialize(ReadOnlySpan<byte> state)
    {
        var reader = new WireReader(state);
        if (!reader.TryReadByte(out byte version))
        {
            return SenderKeyErrors.BadState;
        }

        if (version != StateVersion)
        {
            return SenderKeyErrors.UnknownStateVersion;
        }

        _ = reader.TryReadSpan(DeviceId.Size, out ReadOnlySpan<byte> author);
        _ = reader.TryReadSpan(SenderKeyKdf.ChainIdSize, out ReadOnlySpan<byte> chainId);
        _ = reader.TryReadSpan(ConversationId.Size, out ReadOnlySpan<byte> conversation);
        _ = reader.TryReadSpan(Ed25519.PublicKeySize, out ReadOnlySpan<byte> signingPublicKey);
        _ = reader.TryReadUInt32(out uint firstIndex);
        _ = reader.TryReadUInt32(out uint nextIndex);
        _ = reader.TryReadSpan(SenderKeyKdf.KeySize, out ReadOnlySpan<byte> chainKey);
        _ = reader.TryReadUInt16(out ushort count);
        if (reader.Error is not null || firstIndex > nextIndex || count > Limits.SenderKeyMaxSkippedMessageKeys
            || reader.Remaining != count * EntrySize)
        {
            return SenderKeyErrors.BadState;
        }

        var chain = new ReceivedSenderChain(DeviceId.FromBytes(author), chainId, ConversationId.FromBytes(conversation),
            signingPublicKey, firstIndex, nextIndex, SecretBytes.CopyFrom(chainKey));
        long previous = (long)firstIndex - 1;
        for (int i = 0; i < count; i++)
        {
            _ = reader.TryReadUInt32(out uint index);
            _ = reader.TryReadSpan(SenderKeyKdf.KeySize, out ReadOnlySpan<byte> key);
            if (index <= previous || index >= nextIndex)
            {
                chain.Dispose();
                return SenderKeyErrors.BadState;
            }

            chain._skipped.Add(index, SecretBytes.CopyFrom(key));
            previous = index;
        }

        return chain;
    }
}
