namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Most parents one account-log entry names. Parents are the author's current heads; a person has a
    /// handful of devices, so more than a few concurrent heads means a misbehaving device, and each parent
    /// costs a lookup during validation.
    /// </summary>
    public const int MaxAccountEntryParents = 16;

    /// <summary>
    /// Most entries one account log holds (genesis, device changes and profile changes). Membership is
    /// recomputed by walking the log, so the bound keeps validation quadratic in a small number; a contact
    /// card carries the whole log, so it also bounds the card.
    /// </summary>
    public const int MaxAccountLogEntries = 512;

    /// <summary>Largest encoded account-log entry: a profile entry with the longest name and every parent fits.</summary>
    public const int MaxAccountEntrySize = 1024;

    /// <summary>
    /// Most devices an account may have as members at once. Every message is encrypted once per device
    /// (Sesame), so a large device set is a cost every contact pays.
    /// </summary>
    public const int MaxDevicesPerAccount = 16;

    /// <summary>Longest display name in UTF-8 bytes (about 64 characters of most scripts).</summary>
    public const int MaxDisplayNameBytes = 256;

    /// <summary>Most transports one device record offers (an onion service and a few direct addresses).</summary>
    public const int MaxDeviceTransports = 4;

    /// <summary>Longest host name in a direct-TCP transport (RFC 1035 §2.3.4: 255 octets).</summary>
    public const int MaxTransportHostLength = 255;

    /// <summary>Largest encoded device record with its prekeys (all one-time keys at their limits).</summary>
    public const int MaxDeviceRecordSize = 16 * 1024;

    /// <summary>
    /// Largest binary contact card. It holds the account log and up to <see cref="MaxDevicesPerAccount"/>
    /// device records; the bound keeps a pasted card from costing more than a few verifications.
    /// </summary>
    public const int MaxContactCardSize = 64 * 1024 - 1;

    /// <summary>
    /// Longest card text accepted before decoding (base32 of <see cref="MaxContactCardSize"/> plus room for
    /// line breaks and spaces that copy-paste through mail adds).
    /// </summary>
    public const int MaxContactCardTextLength = 128 * 1024;

    /// <summary>
    /// Characters a version-40 QR code holds in alphanumeric mode at error-correction level L
    /// (ISO/IEC 18004:2015, table 7). Cards whose text is longer are compacted for the QR form.
    /// </summary>
    public const int MaxQrAlphanumericChars = 4296;

    /// <summary>
    /// How long a device-link code stays valid, in milliseconds. Long enough to walk to the other device
    /// and type it; short enough that a photographed code is soon worthless.
    /// </summary>
    public const long LinkCodeLifetimeMs = 10 * 60 * 1000;

    /// <summary>Largest device-linking message (it carries one device record with prekeys, or one entry).</summary>
    public const int MaxLinkMessageSize = MaxDeviceRecordSize + 256;

    /// <summary>Longest link-code text accepted before decoding (the code is about 100 characters).</summary>
    public const int MaxLinkCodeTextLength = 1024;
}
