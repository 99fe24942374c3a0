using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire;

namespace Kith.Protocol.SenderKeys;

/// <summary>The stored form of the author's chain.</summary>
/// <remarks>
/// <para>Layout (version 1; integers big-endian):</para>
/// <code>version (1) ‖ chain id (32) ‖ conversation id (32) ‖ index (u32) ‖ chain key (32) ‖ signing seed (32) ‖ created at (u64 Unix ms) ‖ flags (1: bit 0 rotation requested)</code>
/// <para>The signing public key is derived again from the seed rather than stored.</para>
/// </remarks>
public sealed partial class SenderChain
{
    /// <summary>Current stored-state version.</summary>
    public const byte StateVersion = 1;

    private const byte RotationRequestedFlag = 1;
    private const int StateSize = 1 + SenderKeyKdf.ChainIdSize + ConversationId.Size + 4 + SenderKeyKdf.KeySize + Ed25519.SeedSize + 8 + 1;

    /// <summary>Serialises the chain, secrets included, for the caller's encrypted store; the caller zeroes the result.</summary>
    public byte[] Serialize()
    {
        using SecretBytes seed = _signingKey.ExportSeed();
        return new WireWriter(StateSize).Byte(StateVersion).Bytes(_chainId).Bytes(Conversation.Span).U32(Index)
            .Bytes(_chainKey.Span).Bytes(seed.Span).U64((ulong)CreatedAtUnixMs)
            .Byte(RotationRequested ? RotationRequestedFlag : (byte)0).ToArray();
    }

    /// <summary>Restores a chain written by <see cref="Serialize"/>; never throws on malformed input.</summary>
    public static Result<SenderChain> Deserialize(ReadOnlySpan<byte> state)
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

        _ = reader.TryReadSpan(SenderKeyKdf.ChainIdSize, out ReadOnlySpan<byte> chainId);
        _ = reader.TryReadSpan(ConversationId.Size, out ReadOnlySpan<byte> conversation);
        _ = reader.TryReadUInt32(out uint index);
        _ = reader.TryReadSpan(SenderKeyKdf.KeySize, out ReadOnlySpan<byte> chainKey);
        _ = reader.TryReadSpan(Ed25519.SeedSize, out ReadOnlySpan<byte> seed);
        _ = reader.TryReadUInt64(out ulong createdAt);
        _ = reader.TryReadByte(out byte flags);
        if (!reader.TryFinish(out _) || createdAt > long.MaxValue || (flags & ~RotationRequestedFlag) != 0)
        {
            return SenderKeyErrors.BadState;
        }

        return new SenderChain(chainId, ConversationId.FromBytes(conversation), index, SecretBytes.CopyFrom(chainKey),
            SecretBytes.CopyFrom(seed), (long)createdAt, (flags & RotationRequestedFlag) != 0);
    }
}
