using Kith.Primitives;
using Kith.Primitives.Ids;

namespace Kith.Wire.Prekeys;

/// <summary>Decoding of <see cref="DevicePrekeys"/> and its parts from untrusted bytes.</summary>
internal static class PrekeyCodec
{
    internal const int X25519KeySize = 32;
    internal const int MlKem1024KeySize = 1568;
    internal const int SignatureSize = 64;

    internal static void WritePq(WireWriter writer, PqPrekey key) =>
        writer.U32(key.Id).Byte(key.IsLastResort ? (byte)1 : (byte)0).Bytes(key.PublicKey).Bytes(key.Signature);

    internal static bool TryReadDevicePrekeys(ref WireReader reader, out DevicePrekeys? prekeys)
    {
        prekeys = null;
        if (!reader.TryReadByte(out byte version))
        {
            return false;
        }

        if (version != DevicePrekeys.Version)
        {
            return reader.Fail(WireErrors.UnknownVersion);
        }

        if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> device)
            || !reader.TryReadSpan(X25519KeySize, out ReadOnlySpan<byte> identityDh)
            || !reader.TryReadSpan(SignatureSize, out ReadOnlySpan<byte> identityDhSignature)
            || !reader.TryReadUInt32(out uint signedId)
            || !reader.TryReadSpan(X25519KeySize, out ReadOnlySpan<byte> signedKey)
            || !reader.TryReadSpan(SignatureSize, out ReadOnlySpan<byte> signedSignature)
            || !TryReadPq(ref reader, out PqPrekey? lastResort)
            || !reader.TryReadByte(out byte pqCount))
        {
            return false;
        }

        if (!lastResort!.IsLastResort || pqCount > Limits.MaxOneTimePqPrekeys)
        {
            return reader.Fail(lastResort.IsLastResort ? WireErrors.Oversized : WireErrors.Malformed);
        }

        var oneTimePq = new List<PqPrekey>(pqCount);
        for (int i = 0; i < pqCount; i++)
        {
            if (!TryReadPq(ref reader, out PqPrekey? key))
            {
                return false;
            }

            if (key!.IsLastResort)
            {
                return reader.Fail(WireErrors.Malformed);
            }

            oneTimePq.Add(key);
        }

        if (!reader.TryReadByte(out byte count))
        {
            return false;
        }

        if (count > Limits.MaxOneTimePrekeys)
        {
            return reader.Fail(WireErrors.Oversized);
        }

        var oneTime = new List<OneTimePrekey>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt32(out uint id) || !reader.TryReadSpan(X25519KeySize, out ReadOnlySpan<byte> key))
            {
                return false;
            }

            oneTime.Add(new OneTimePrekey(id, key.ToArray()));
        }

        prekeys = new DevicePrekeys(DeviceId.FromBytes(device), identityDh.ToArray(), identityDhSignature.ToArray(),
            new SignedPrekey(signedId, signedKey.ToArray(), signedSignature.ToArray()), lastResort, oneTimePq, oneTime);
        return true;
    }

    private static bool TryReadPq(ref WireReader reader, out PqPrekey? key)
    {
        key = null;
        if (!reader.TryReadUInt32(out uint id)
            || !reader.TryReadByte(out byte lastResort)
            || !reader.TryReadSpan(MlKem1024KeySize, out ReadOnlySpan<byte> publicKey)
            || !reader.TryReadSpan(SignatureSize, out ReadOnlySpan<byte> signature))
        {
            return false;
        }

        if (lastResort > 1)
        {
            return reader.Fail(WireErrors.Malformed);
        }

        key = new PqPrekey(id, publicKey.ToArray(), signature.ToArray(), lastResort == 1);
        return true;
    }
}
