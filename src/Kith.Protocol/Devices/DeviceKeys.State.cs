using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Prekeys;
using Kith.Wire;

namespace Kith.Protocol.Devices;

/// <summary>
/// The device's private keys as one blob for its own encrypted store (the node keeps it in <c>IStateStore</c>,
/// whose SQLite implementation encrypts every value). The blob never leaves the device: keys are generated on
/// the device and never copied (PROTOCOL.md, accounts).
/// </summary>
public sealed partial class DeviceKeys
{
    /// <summary>Version of the blob written by <see cref="ExportState"/>.</summary>
    public const byte StateVersion = 1;

    /// <summary>
    /// Writes every private key: <c>version identitySeed(32) onionSeed(32) prekeys</c>. The caller disposes the
    /// result; copies the encoder made on the way are zeroed before returning.
    /// </summary>
    public SecretBytes ExportState()
    {
        using SecretBytes identitySeed = Identity.ExportSeed();
        var writer = new WireWriter(16384).Byte(StateVersion).Bytes(identitySeed.Span).Bytes(_onionSeed.Span);
        Prekeys.WriteState(writer);
        byte[] bytes = writer.ToArray();
        try
        {
            return SecretBytes.CopyFrom(bytes);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Reads a blob written by <see cref="ExportState"/>. The store decrypted and authenticated it, so a failure
    /// here means a bug or a different Kith version: <see cref="DeviceErrors.BadKeyState"/>.
    /// </summary>
    public static Result<DeviceKeys> ImportState(ReadOnlySpan<byte> state)
    {
        var reader = new WireReader(state);
        if (!reader.TryReadByte(out byte version) || version != StateVersion
            || !reader.TryReadSpan(Ed25519.SeedSize, out ReadOnlySpan<byte> identitySeed)
            || !reader.TryReadSpan(Ed25519.SeedSize, out ReadOnlySpan<byte> onionSeed))
        {
            return DeviceErrors.BadKeyState;
        }

        Ed25519SigningKey identity = Ed25519SigningKey.FromSeed(identitySeed);
        SecretBytes onion = SecretBytes.CopyFrom(onionSeed);
        if (!DevicePrekeySecrets.TryReadState(ref reader, identity, out DevicePrekeySecrets? prekeys) || !reader.TryFinish(out _))
        {
            prekeys?.Dispose();
            identity.Dispose();
            onion.Dispose();
            return DeviceErrors.BadKeyState;
        }

        return new DeviceKeys(identity, onion, prekeys);
    }
}
