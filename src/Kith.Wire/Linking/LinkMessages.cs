using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Devices;

namespace Kith.Wire.Linking;

/// <summary>Message types of device linking. On the wire: values are fixed.</summary>
public enum LinkMessageType
{
    /// <summary><see cref="LinkRequest"/>.</summary>
    Request = 1,

    /// <summary><see cref="LinkResponse"/>.</summary>
    Response = 2,

    /// <summary><see cref="LinkReveal"/>.</summary>
    Reveal = 3,

    /// <summary><see cref="LinkProposal"/>.</summary>
    Proposal = 4,

    /// <summary><see cref="LinkAcceptance"/>.</summary>
    Acceptance = 5,

    /// <summary><see cref="LinkAccountCopy"/>.</summary>
    AccountCopy = 6,

    /// <summary><see cref="LinkHistoryCopy"/>.</summary>
    HistoryCopy = 7,

    /// <summary><see cref="LinkCopyDone"/>.</summary>
    CopyDone = 8,
}

/// <summary>Existing device → new device: who asks, a commitment to its nonce, and a MAC under the code's secret.</summary>
/// <param name="Account">The account the new device is invited into.</param>
/// <param name="Existing">The existing member device.</param>
/// <param name="Commitment">Hash commitment to the existing device's nonce (revealed in <see cref="LinkReveal"/>).</param>
/// <param name="Mac">MAC over the request under the key derived from the link code's secret.</param>
public sealed record LinkRequest(AccountId Account, DeviceId Existing, byte[] Commitment, byte[] Mac)
{
    /// <summary>The bytes without the MAC (what the MAC covers).</summary>
    public byte[] Unauthenticated() =>
        new WireWriter(100).Byte(LinkMessages.Version).Byte((byte)LinkMessageType.Request).Bytes(Account.Span).Bytes(Existing.Span).Bytes(Commitment).ToArray();

    /// <summary>Encodes.</summary>
    public byte[] ToBytes() => [.. Unauthenticated(), .. Mac];

    /// <summary>Decodes untrusted bytes.</summary>
    public static Result<LinkRequest> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = LinkMessages.Open(bytes, LinkMessageType.Request);
        if (!reader.TryReadSpan(32, out ReadOnlySpan<byte> account) || !reader.TryReadSpan(32, out ReadOnlySpan<byte> existing)
            || !reader.TryReadSpan(32, out ReadOnlySpan<byte> commitment) || !reader.TryReadSpan(32, out ReadOnlySpan<byte> mac)
            || !reader.TryFinish(out _))
        {
            return reader.Error!;
        }

        return new LinkRequest(AccountId.FromBytes(account), DeviceId.FromBytes(existing), commitment.ToArray(), mac.ToArray());
    }
}

/// <summary>New device → existing device: its signed device record, its nonce, and a MAC under the code's secret.</summary>
/// <param name="Record">The new device's record (with prekeys); its onion key must be the one in the code.</param>
/// <param name="Nonce">The new device's random nonce.</param>
/// <param name="Mac">MAC over the request and this response.</param>
public sealed record LinkResponse(DeviceRecord Record, byte[] Nonce, byte[] Mac)
{
    /// <summary>The bytes without the MAC.</summary>
    public byte[] Unauthenticated() =>
        new WireWriter(2400).Byte(LinkMessages.Version).Byte((byte)LinkMessageType.Response).Prefixed16(Record.ToBytes()).Bytes(Nonce).ToArray();

    /// <summary>Encodes.</summary>
    public byte[] ToBytes() => [.. Unauthenticated(), .. Mac];

    /// <summary>Decodes untrusted bytes.</summary>
    public static Result<LinkResponse> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = LinkMessages.Open(bytes, LinkMessageType.Response);
        if (!reader.TryReadPrefixed16(Limits.MaxDeviceRecordSize, out ReadOnlySpan<byte> record)
            || !reader.TryReadSpan(32, out ReadOnlySpan<byte> nonce) || !reader.TryReadSpan(32, out ReadOnlySpan<byte> mac)
            || !reader.TryFinish(out _))
        {
            return reader.Error!;
        }

        byte[] nonceBytes = nonce.ToArray();
        byte[] macBytes = mac.ToArray();
        return DeviceRecord.Decode(record).Map(r => new LinkResponse(r, nonceBytes, macBytes));
    }
}

/// <summary>Existing device → new device: the nonce committed to in the request.</summary>
/// <param name="Nonce">The existing device's nonce.</param>
public sealed record LinkReveal(byte[] Nonce)
{
    /// <summary>Encodes.</summary>
    public byte[] ToBytes() => new WireWriter(40).Byte(LinkMessages.Version).Byte((byte)LinkMessageType.Reveal).Bytes(Nonce).ToArray();

    /// <summary>Decodes untrusted bytes.</summary>
    public static Result<LinkReveal> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = LinkMessages.Open(bytes, LinkMessageType.Reveal);
        return reader.TryReadSpan(32, out ReadOnlySpan<byte> nonce) && reader.TryFinish(out _) ? new LinkReveal(nonce.ToArray()) : reader.Error!;
    }
}

/// <summary>Existing device → new device, after its person confirmed the code: the add-device entry, signed by the member.</summary>
/// <param name="UnsignedEntry">The unsigned add-device entry.</param>
/// <param name="AuthorSignature">The existing device's signature over it.</param>
public sealed record LinkProposal(byte[] UnsignedEntry, byte[] AuthorSignature)
{
    /// <summary>Encodes.</summary>
    public byte[] ToBytes() =>
        new WireWriter(400).Byte(LinkMessages.Version).Byte((byte)LinkMessageType.Proposal).Prefixed16(UnsignedEntry).Bytes(AuthorSignature).ToArray();

    /// <summary>Decodes untrusted bytes.</summary>
    public static Result<LinkProposal> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = LinkMessages.Open(bytes, LinkMessageType.Proposal);
        return reader.TryReadPrefixed16(Limits.MaxAccountEntrySize, out ReadOnlySpan<byte> entry)
            && reader.TryReadSpan(64, out ReadOnlySpan<byte> signature) && reader.TryFinish(out _)
            ? new LinkProposal(entry.ToArray(), signature.ToArray())
            : reader.Error!;
    }
}

/// <summary>New device → existing device, after its person confirmed the code: its co-signature on the entry.</summary>
/// <param name="CoSignature">The new device's signature over the unsigned entry.</param>
public sealed record LinkAcceptance(byte[] CoSignature)
{
    /// <summary>Encodes.</summary>
    public byte[] ToBytes() => new WireWriter(70).Byte(LinkMessages.Version).Byte((byte)LinkMessageType.Acceptance).Bytes(CoSignature).ToArray();

    /// <summary>Decodes untrusted bytes.</summary>
    public static Result<LinkAcceptance> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = LinkMessages.Open(bytes, LinkMessageType.Acceptance);
        return reader.TryReadSpan(64, out ReadOnlySpan<byte> signature) && reader.TryFinish(out _)
            ? new LinkAcceptance(signature.ToArray())
            : reader.Error!;
    }
}

/// <summary>Shared framing of the linking messages: <c>version(1) type(1)</c> then the fields.</summary>
public static class LinkMessages
{
    /// <summary>Current version.</summary>
    public const byte Version = 1;

    /// <summary>The type of a received message, or null when it is too short to say.</summary>
    public static LinkMessageType? TypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && bytes[0] == Version && Enum.IsDefined((LinkMessageType)bytes[1]) ? (LinkMessageType)bytes[1] : null;

    internal static WireWriter Header(LinkMessageType type) => new WireWriter(256).Byte(Version).Byte((byte)type);

    internal static WireReader Open(ReadOnlySpan<byte> bytes, LinkMessageType expected, int maxSize = Limits.MaxLinkMessageSize)
    {
        var reader = new WireReader(bytes);
        if (bytes.Length > maxSize)
        {
            reader.Fail(WireErrors.Oversized);
            return reader;
        }

        if (reader.TryReadByte(out byte version) && version != Version)
        {
            reader.Fail(WireErrors.UnknownVersion);
        }
        else if (reader.TryReadByte(out byte type) && type != (byte)expected)
        {
            reader.Fail(WireErrors.Malformed);
        }

        return reader;
    }
}
