using System.Buffers.Binary;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Wire;

namespace Kith.Protocol.Ratchet;

/// <summary>
/// The stored form of a <see cref="RatchetState"/>: every state variable of §4.3, so that a session
/// survives restarts exactly.
/// </summary>
/// <remarks>
/// <para>Layout (version 1; integers big-endian):</para>
/// <code>
/// version (1) ‖ flags (1: bit 0 CKs set, bit 1 CKr and HKr set, bit 2 DHr and HKs set)
/// ‖ RK ‖ CKs ‖ CKr ‖ DHs private ‖ HKs ‖ HKr ‖ NHKs ‖ NHKr (8 × 32; unset keys are zeros)
/// ‖ DHr (32; zeros when unset) ‖ Ns (4) ‖ Nr (4) ‖ PN (4) ‖ AD (u16 length ‖ bytes)
/// ‖ chain count (1) ‖ per chain: HK (32) ‖ key count (u16) ‖ per key: N (4) ‖ MK (32)
/// </code>
/// <para>
/// The decoder accepts only what the encoder writes: unknown flags, non-zero unset keys, flags that
/// contradict each other, counts beyond the limits, empty chains or unordered numbers are errors, and
/// it never throws. DHs's public half is derived again rather than trusted, and a set DHr must agree
/// with DHs to a non-zero secret, so that a pending ratchet step cannot fail at the next Encrypt.
/// </para>
/// </remarks>
internal static class RatchetStateCodec
{
    internal const byte CurrentVersion = 1;

    private const byte SendingChainFlag = 1;
    private const byte ReceivingChainFlag = 2;
    private const byte PeerRatchetKeyFlag = 4;
    private const int KeySize = RatchetKdf.KeySize;
    private const int FixedSize = 1 + 1 + RatchetState.SecretsSize + KeySize + 3 * 4 + 2 + 1;
    private const int ChainHeaderSize = KeySize + 2;
    private const int EntrySize = 4 + KeySize;

    // Indexes into the secrets block of the keys that a flag may leave unset.
    private const int SendingChainKeyIndex = 1;
    private const int ReceivingChainKeyIndex = 2;
    private const int SendingHeaderKeyIndex = 4;
    private const int ReceivingHeaderKeyIndex = 5;

    internal static byte[] Serialize(RatchetState state)
    {
        IReadOnlyList<SkippedKeyChain> chains = state.Skipped.Chains;
        int size = FixedSize + state.AssociatedData.Length;
        foreach (SkippedKeyChain chain in chains)
        {
            size += ChainHeaderSize + chain.Count * EntrySize;
        }

        byte[] output = new byte[size];
        Span<byte> rest = output;
        Put(ref rest, CurrentVersion);
        Put(ref rest, (byte)((state.HasSendingChain ? SendingChainFlag : 0)
            | (state.HasReceivingChain ? ReceivingChainFlag : 0)
            | (state.HasPeerRatchetKey ? PeerRatchetKeyFlag : 0)));
        Put(ref rest, state.Secrets);
        Put(ref rest, state.ReceivingRatchetPublicKey);
        PutUInt32(ref rest, state.SendCount);
        PutUInt32(ref rest, state.ReceiveCount);
        PutUInt32(ref rest, state.PreviousSendCount);
        BinaryPrimitives.WriteUInt16BigEndian(rest, (ushort)state.AssociatedData.Length);
        rest = rest[2..];
        Put(ref rest, state.AssociatedData);
        Put(ref rest, (byte)chains.Count);
        foreach (SkippedKeyChain chain in chains)
        {
            Put(ref rest, chain.HeaderKey);
            BinaryPrimitives.WriteUInt16BigEndian(rest, (ushort)chain.Count);
            rest = rest[2..];
            for (int i = 0; i < chain.Count; i++)
            {
                PutUInt32(ref rest, chain.NumberAt(i));
                Put(ref rest, chain.KeyAt(i));
            }
        }

        return output;
    }

    internal static Result<RatchetState> Deserialize(ReadOnlySpan<byte> input)
    {
        var reader = new WireReader(input);
        if (!reader.TryReadByte(out byte version))
        {
            return RatchetErrors.BadState;
        }

        if (version != CurrentVersion)
        {
            return RatchetErrors.UnknownStateVersion;
        }

        _ = reader.TryReadByte(out byte flags);
        _ = reader.TryReadSpan(RatchetState.SecretsSize, out ReadOnlySpan<byte> secrets);
        _ = reader.TryReadSpan(KeySize, out ReadOnlySpan<byte> peerRatchetKey);
        _ = reader.TryReadUInt32(out uint sendCount);
        _ = reader.TryReadUInt32(out uint receiveCount);
        _ = reader.TryReadUInt32(out uint previousSendCount);
        _ = reader.TryReadPrefixed16(Limits.RatchetMaxAssociatedDataSize, out ReadOnlySpan<byte> associatedData);
        if (reader.Error is not null
            || !FlagsAreConsistent(flags, secrets, peerRatchetKey, sendCount, receiveCount))
        {
            return RatchetErrors.BadState;
        }

        var state = new RatchetState(associatedData.ToArray());
        secrets.CopyTo(state.Secrets);
        peerRatchetKey.CopyTo(state.ReceivingRatchetPublicKey);
        X25519.DerivePublicKey(state.SendingRatchetPrivateKey, state.SendingRatchetPublicKey);
        state.HasSendingChain = (flags & SendingChainFlag) != 0;
        state.HasReceivingChain = (flags & ReceivingChainFlag) != 0;
        state.HasPeerRatchetKey = (flags & PeerRatchetKeyFlag) != 0;
        state.SendCount = sendCount;
        state.ReceiveCount = receiveCount;
        state.PreviousSendCount = previousSendCount;
        if (!TryReadSkippedKeys(ref reader, state.Skipped) || !reader.TryFinish(out _) || !PeerRatchetKeyIsUsable(state))
        {
            state.Dispose();
            return RatchetErrors.BadState;
        }

        return state;
    }

    private static bool FlagsAreConsistent(byte flags, ReadOnlySpan<byte> secrets, ReadOnlySpan<byte> peerRatchetKey, uint sendCount, uint receiveCount)
    {
        bool sending = (flags & SendingChainFlag) != 0;
        bool receiving = (flags & ReceivingChainFlag) != 0;
        bool peer = (flags & PeerRatchetKeyFlag) != 0;
        return (flags & ~(SendingChainFlag | ReceivingChainFlag | PeerRatchetKeyFlag)) == 0
            && (peer || (!sending && !receiving))
            && (sending || sendCount == 0)
            && (receiving || receiveCount == 0)
            && (sending || IsZero(Key(secrets, SendingChainKeyIndex)))
            && (receiving || (IsZero(Key(secrets, ReceivingChainKeyIndex)) && IsZero(Key(secrets, ReceivingHeaderKeyIndex))))
            && (peer || (IsZero(peerRatchetKey) && IsZero(Key(secrets, SendingHeaderKeyIndex))));
    }

    /// <summary>The sending half of a pending DH ratchet step must not fail on a corrupted DHr.</summary>
    private static bool PeerRatchetKeyIsUsable(RatchetState state)
    {
        if (!state.HasPeerRatchetKey)
        {
            return true;
        }

        Span<byte> dh = stackalloc byte[X25519.SharedSecretSize];
        bool usable = X25519.TryAgree(state.SendingRatchetPrivateKey, state.ReceivingRatchetPublicKey, dh);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(dh);
        return usable;
    }

    private static bool TryReadSkippedKeys(ref WireReader reader, SkippedMessageKeys skipped)
    {
        if (!reader.TryReadByte(out byte chainCount) || chainCount > Limits.RatchetMaxSkippedChains)
        {
            return false;
        }

        int total = 0;
        for (int c = 0; c < chainCount; c++)
        {
            if (!reader.TryReadSpan(KeySize, out ReadOnlySpan<byte> headerKey)
                || !reader.TryReadUInt16(out ushort count)
                || count == 0
                || (total += count) > Limits.RatchetMaxSkippedMessageKeys)
            {
                return false;
            }

            var chain = new SkippedKeyChain(headerKey);
            if (!TryReadChainKeys(ref reader, chain, count))
            {
                chain.Dispose();
                return false;
            }

            skipped.AddLoaded(chain);
        }

        return true;
    }

    private static bool TryReadChainKeys(ref WireReader reader, SkippedKeyChain chain, int count)
    {
        long last = -1;
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt32(out uint number) || number <= last || !reader.TryReadSpan(KeySize, out ReadOnlySpan<byte> key))
            {
                return false;
            }

            chain.Append(number, key);
            last = number;
        }

        return true;
    }

    private static ReadOnlySpan<byte> Key(ReadOnlySpan<byte> secrets, int index) => secrets.Slice(index * KeySize, KeySize);

    private static bool IsZero(ReadOnlySpan<byte> value) => !value.ContainsAnyExcept((byte)0);

    private static void Put(ref Span<byte> rest, byte value)
    {
        rest[0] = value;
        rest = rest[1..];
    }

    private static void Put(ref Span<byte> rest, ReadOnlySpan<byte> value)
    {
        value.CopyTo(rest);
        rest = rest[value.Length..];
    }

    private static void PutUInt32(ref Span<byte> rest, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(rest, value);
        rest = rest[4..];
    }
}
