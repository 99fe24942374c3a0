using System.Text;
using Kith.Primitives;

namespace Kith.Tor.Socks;

/// <summary>
/// A SOCKS5 username and password (RFC 1929). Tor does not check them; it uses them to keep streams with different
/// credentials on different circuits (tor-manual <c>IsolateSOCKSAuth</c>, on by default), so one value per contact
/// keeps contacts from being linked by a shared circuit.
/// </summary>
public sealed class Socks5Credentials
{
    /// <summary>Creates credentials; each is 1–255 bytes of UTF-8 (RFC 1929 §2).</summary>
    public Socks5Credentials(string username, string password)
    {
        Username = Encoding.UTF8.GetBytes(username ?? throw new ArgumentNullException(nameof(username)));
        Password = Encoding.UTF8.GetBytes(password ?? throw new ArgumentNullException(nameof(password)));
        if (Username.Length is 0 or > Limits.Socks5CredentialMaxBytes || Password.Length is 0 or > Limits.Socks5CredentialMaxBytes)
        {
            throw new ArgumentException("A SOCKS5 username and password are 1–255 bytes each.");
        }
    }

    /// <summary>Credentials that only isolate: the username is <paramref name="isolationKey"/>, the password fixed.</summary>
    public static Socks5Credentials ForIsolation(string isolationKey) => new(isolationKey, "kith");

    internal byte[] Username { get; }

    internal byte[] Password { get; }

    /// <inheritdoc/>
    public override string ToString() => "Socks5Credentials([redacted])";
}
