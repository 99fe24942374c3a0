using System.Security.Cryptography;
using System.Text;
using Kith.Api.Connection;
using Kith.Crypto;

namespace Kith.Node.LocalApi;

/// <summary>
/// The bearer token of one node run (<see cref="ApiAuth"/>): 256 random bits, base64url, compared in constant
/// time so response timing does not reveal how much of a guess was right.
/// </summary>
internal sealed class ApiToken
{
    private readonly byte[] _utf8;

    private ApiToken(string value)
    {
        Value = value;
        _utf8 = Encoding.ASCII.GetBytes(value);
    }

    /// <summary>The token as clients send it.</summary>
    public string Value { get; }

    /// <summary>A fresh token.</summary>
    public static ApiToken Generate(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var bytes = new byte[ApiAuth.TokenBytes];
        random.Fill(bytes);
        string value = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        CryptographicOperations.ZeroMemory(bytes);
        return new ApiToken(value);
    }

    /// <summary>Whether an <c>Authorization</c> header value carries this token.</summary>
    public bool Matches(string? authorization)
    {
        const string Prefix = ApiAuth.Scheme + " ";
        if (authorization is null || !authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] presented = Encoding.ASCII.GetBytes(authorization.AsSpan(Prefix.Length).Trim().ToString());
        return CryptographicOperations.FixedTimeEquals(presented, _utf8);
    }

    /// <summary>Never prints the token.</summary>
    public override string ToString() => "ApiToken([redacted])";
}
