namespace Kith.Primitives.Ids;

/// <summary>An account: the BLAKE2b-256 hash of its genesis entry in the account log (PROTOCOL.md, accounts).</summary>
public readonly struct AccountId : IEquatable<AccountId>, IComparable<AccountId>
{
    private readonly byte[]? _bytes;

    private AccountId(byte[] bytes) => _bytes = bytes;

    /// <summary>Length in bytes.</summary>
    public const int Size = Id32.Size;

    /// <summary>Makes the id from exactly 32 bytes; throws on any other length (check lengths when decoding).</summary>
    public static AccountId FromBytes(ReadOnlySpan<byte> bytes) => new(Id32.Copy(bytes));

    /// <summary>The 32 bytes.</summary>
    public ReadOnlySpan<byte> Span => _bytes ?? Id32.Zero;

    /// <summary>A copy of the 32 bytes.</summary>
    public byte[] ToArray() => Span.ToArray();

    /// <inheritdoc/>
    public bool Equals(AccountId other) => Span.SequenceEqual(other.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AccountId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Id32.HashCode(Span);

    /// <inheritdoc/>
    public int CompareTo(AccountId other) => Span.SequenceCompareTo(other.Span);

    /// <summary>Lowercase hex of the 32 bytes.</summary>
    public override string ToString() => Convert.ToHexStringLower(Span);

    /// <summary>Equality.</summary>
    public static bool operator ==(AccountId left, AccountId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(AccountId left, AccountId right) => !left.Equals(right);

    /// <summary>Order.</summary>
    public static bool operator <(AccountId left, AccountId right) => left.CompareTo(right) < 0;

    /// <summary>Order.</summary>
    public static bool operator >(AccountId left, AccountId right) => left.CompareTo(right) > 0;

    /// <summary>Order.</summary>
    public static bool operator <=(AccountId left, AccountId right) => left.CompareTo(right) <= 0;

    /// <summary>Order.</summary>
    public static bool operator >=(AccountId left, AccountId right) => left.CompareTo(right) >= 0;
}
