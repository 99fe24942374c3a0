namespace Kith.Node.DeviceLinking;

/// <summary>The six-digit confirmation code as people type it (Bluetooth SSP numeric comparison shows six digits).</summary>
internal static class LinkDigits
{
    /// <summary>Six ASCII digits, spaces allowed between groups.</summary>
    public static bool IsWellFormed(string? digits) => digits is not null && Compact(digits) is { Length: 6 } compact && compact.All(char.IsAsciiDigit);

    /// <summary>Whether what the person typed is the code shown (constant-time: the digits gate the co-signature).</summary>
    public static bool Same(string typed, string shown) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(Compact(typed)), System.Text.Encoding.ASCII.GetBytes(shown));

    private static string Compact(string digits) => string.Concat(digits.Where(c => !char.IsWhiteSpace(c)));
}
