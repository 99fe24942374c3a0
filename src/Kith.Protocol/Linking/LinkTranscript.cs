using System.Buffers.Binary;
using System.Globalization;
using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Wire;
using Kith.Wire.Linking;

namespace Kith.Protocol.Linking;

/// <summary>
/// The cryptography of device linking, after Bluetooth's Secure Simple Pairing "numeric comparison"
/// (Bluetooth Core 5.x, Vol 2 Part H §7.2.1: commitment <c>Cb = f4(PKb, PKa, Nb, 0)</c>, then
/// <c>Va = g2(PKa, PKb, Na, Nb) mod 10^6</c>) and ZRTP's hash commitment (RFC 6189 §4.4.1.1, §7: the SAS is
/// derived from the whole exchange, and the initiator commits before seeing the responder's value). Here the
/// identities are static Ed25519 keys, the one-time code's secret authenticates both first messages (a device
/// that never saw the code cannot take part), and the six-digit confirmation code catches the remaining case
/// of a code seen by someone else: the commitment forces an attacker in the middle to fix its nonce before
/// learning the other, so it matches both sides' digits with probability 10^-6.
/// </summary>
internal static class LinkTranscript
{
    internal const int NonceSize = 32;
    internal const int MacSize = 32;

    internal static byte[] MacKey(SecretBytes secret)
    {
        var key = new byte[32];
        Blake2b.Hash("Kith v1 link MAC key"u8, key, secret.Span);
        return key;
    }

    internal static byte[] Commitment(ReadOnlySpan<byte> nonce, AccountId account, DeviceId existing) =>
        Hash(new WireWriter(128).Bytes("Kith v1 link commitment"u8).Bytes(nonce).Bytes(account.Span).Bytes(existing.Span).WrittenSpan);

    internal static byte[] RequestMac(byte[] key, LinkCode code, LinkRequest request) =>
        Mac(key, new WireWriter(200).Bytes("Kith v2 link request"u8).Bytes(code.OnionKey).Bytes(code.StaticKey).U64((ulong)code.ExpiresAtUnixMs)
            .Bytes(request.Unauthenticated()).WrittenSpan);

    internal static byte[] ResponseMac(byte[] key, LinkRequest request, LinkResponse response) =>
        Mac(key, new WireWriter(2600).Bytes("Kith v1 link response"u8).Bytes(request.ToBytes()).Bytes(response.Unauthenticated()).WrittenSpan);

    /// <summary>The six-digit confirmation code both people compare.</summary>
    internal static string ConfirmationCode(byte[] key, LinkRequest request, LinkResponse response, ReadOnlySpan<byte> existingNonce)
    {
        byte[] digest = Mac(key, new WireWriter(2700).Bytes("Kith v1 link confirmation"u8).Bytes(request.ToBytes())
            .Bytes(response.ToBytes()).Bytes(existingNonce).WrittenSpan);
        uint value = BinaryPrimitives.ReadUInt32BigEndian(digest) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    internal static bool MacEquals(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, actual);

    private static byte[] Mac(byte[] key, ReadOnlySpan<byte> data)
    {
        var mac = new byte[MacSize];
        Blake2b.Hash(data, mac, key);
        return mac;
    }

    private static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var hash = new byte[32];
        Blake2b.Hash(data, hash);
        return hash;
    }
}
