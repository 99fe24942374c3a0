using System.Diagnostics.CodeAnalysis;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire;
using Kith.Wire.Prekeys;

namespace Kith.Protocol.Prekeys;

/// <summary>The private prekeys in the device's key blob (<see cref="Devices.DeviceKeys.ExportState"/>).</summary>
public sealed partial class DevicePrekeySecrets
{
    /// <summary>
    /// Appends <c>published identityDh(32) signedPrekey(32) lastResortSeed(64) u16 n (u32 id, key 32)*n
    /// u16 m (u32 id, seed 64)*m</c>: the public half as published, then the private keys still unused.
    /// </summary>
    internal void WriteState(WireWriter writer)
    {
        Published.Encode(writer);
        writer.Bytes(IdentityDhPrivateKey.Span).Bytes(SignedPrekeyPrivateKey.Span).Bytes(LastResortPqSeed.Span);
        writer.U16((ushort)_oneTime.Count);
        foreach ((uint id, SecretBytes key) in _oneTime.OrderBy(pair => pair.Key))
        {
            writer.U32(id).Bytes(key.Span);
        }

        writer.U16((ushort)_oneTimePq.Count);
        foreach ((uint id, SecretBytes seed) in _oneTimePq.OrderBy(pair => pair.Key))
        {
            writer.U32(id).Bytes(seed.Span);
        }
    }

    /// <summary>Reads what <see cref="WriteState"/> wrote; the published keys must belong to <paramref name="identity"/>.</summary>
    internal static bool TryReadState(ref WireReader reader, Ed25519SigningKey identity, [NotNullWhen(true)] out DevicePrekeySecrets? secrets)
    {
        secrets = null;
        if (!DevicePrekeys.TryRead(ref reader, out DevicePrekeys? published) || published!.Device != DeviceId.FromBytes(identity.PublicKey)
            || !reader.TryReadSpan(X25519.PrivateKeySize, out ReadOnlySpan<byte> identityDh)
            || !reader.TryReadSpan(X25519.PrivateKeySize, out ReadOnlySpan<byte> signed)
            || !reader.TryReadSpan(MlKem1024.SeedSize, out ReadOnlySpan<byte> lastResort))
        {
            return false;
        }

        var read = new DevicePrekeySecrets(published, SecretBytes.CopyFrom(identityDh), SecretBytes.CopyFrom(signed), SecretBytes.CopyFrom(lastResort));
        if (!TryReadKeys(ref reader, X25519.PrivateKeySize, Limits.MaxOneTimePrekeys, read._oneTime)
            || !TryReadKeys(ref reader, MlKem1024.SeedSize, Limits.MaxOneTimePqPrekeys, read._oneTimePq))
        {
            read.Dispose();
            return false;
        }

        secrets = read;
        return true;
    }

    private static bool TryReadKeys(ref WireReader reader, int keySize, int max, Dictionary<uint, SecretBytes> into)
    {
        if (!reader.TryReadUInt16(out ushort count) || count > max)
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt32(out uint id) || !reader.TryReadSpan(keySize, out ReadOnlySpan<byte> key) || into.ContainsKey(id))
            {
                return false;
            }

            into[id] = SecretBytes.CopyFrom(key);
        }

        return true;
    }
}
