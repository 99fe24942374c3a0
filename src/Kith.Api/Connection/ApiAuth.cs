namespace Kith.Api.Connection;

/// <summary>
/// How a request proves it comes from someone allowed to read the data folder: <c>Authorization: Bearer</c>
/// with the token of <see cref="ApiConnection"/> (RFC 6750 §2.1). Loopback alone is not enough: any local user or
/// a web page the person visits can reach 127.0.0.1.
/// </summary>
public static class ApiAuth
{
    /// <summary>The authorization scheme (RFC 6750).</summary>
    public const string Scheme = "Bearer";

    /// <summary>Random bytes in a token: 256 bits, beyond guessing at any request rate.</summary>
    public const int TokenBytes = 32;
}
