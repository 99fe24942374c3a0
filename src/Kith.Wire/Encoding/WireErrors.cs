using Kith.Primitives.Errors;

namespace Kith.Wire;

/// <summary>The errors every decoder can return for malformed bytes. Each rejects one input only.</summary>
public static class WireErrors
{
    /// <summary>The input ended before a field was complete.</summary>
    public static readonly KithError Truncated = KithError.Reject("wire.truncated", "The input ended before the message was complete.");

    /// <summary>Bytes were left after the last field.</summary>
    public static readonly KithError TrailingBytes = KithError.Reject("wire.trailing_bytes", "The input has bytes after the end of the message.");

    /// <summary>A length or count is above its limit.</summary>
    public static readonly KithError Oversized = KithError.Reject("wire.oversized", "A field is larger than its limit.");

    /// <summary>The version byte names a format this build does not know.</summary>
    public static readonly KithError UnknownVersion = KithError.Reject("wire.unknown_version", "The message uses a format version this build does not know.");

    /// <summary>A field holds a value outside its domain (an unknown tag, a non-minimal varint).</summary>
    public static readonly KithError Malformed = KithError.Reject("wire.malformed", "A field holds a value that is not allowed.");
}
