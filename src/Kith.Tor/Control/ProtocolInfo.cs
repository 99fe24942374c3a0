using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

/// <summary>Control authentication methods tor offers (control-spec §3.21 <c>PROTOCOLINFO</c>, §3.5 <c>AUTHENTICATE</c>).</summary>
[Flags]
public enum AuthMethods
{
    /// <summary>None listed.</summary>
    None = 0,

    /// <summary><c>NULL</c>: no authentication needed.</summary>
    Null = 1,

    /// <summary><c>HASHEDPASSWORD</c>: a password Kith does not know.</summary>
    HashedPassword = 2,

    /// <summary><c>COOKIE</c>: send the cookie file's 32 bytes.</summary>
    Cookie = 4,

    /// <summary><c>SAFECOOKIE</c>: prove knowledge of the cookie with <c>AUTHCHALLENGE</c> (§3.24).</summary>
    SafeCookie = 8,
}

/// <summary>The answer to <c>PROTOCOLINFO 1</c> (control-spec §3.21).</summary>
public sealed class ProtocolInfo
{
    private ProtocolInfo(AuthMethods methods, string? cookieFile, string? version)
    {
        Methods = methods;
        CookieFile = cookieFile;
        Version = version;
    }

    /// <summary>The methods tor accepts.</summary>
    public AuthMethods Methods { get; }

    /// <summary>The cookie file path (<c>COOKIEFILE</c>), or <c>null</c>.</summary>
    public string? CookieFile { get; }

    /// <summary>Tor's version string (<c>VERSION Tor=</c>), or <c>null</c>.</summary>
    public string? Version { get; }

    /// <summary>Reads a <c>PROTOCOLINFO</c> reply: <c>250-PROTOCOLINFO 1</c>, <c>250-AUTH ...</c>, <c>250-VERSION ...</c>, <c>250 OK</c>.</summary>
    public static Result<ProtocolInfo> Parse(ControlReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.IsSuccess)
        {
            return ControlErrors.CommandFailed("PROTOCOLINFO", reply.Status);
        }

        var methods = AuthMethods.None;
        string? cookieFile = null;
        string? version = null;
        var sawAuth = false;
        foreach (var line in reply.Lines)
        {
            if (line.Kind != ControlLineKind.Mid)
            {
                continue;
            }

            var parsed = ControlArguments.Parse(line.Text);
            if (!parsed.TryGet(out var args, out var error))
            {
                return error;
            }

            switch (args.Positional.Count > 0 ? args.Positional[0] : "")
            {
                case "AUTH":
                    sawAuth = true;
                    foreach (var method in (args["METHODS"] ?? "").Split(','))
                    {
                        methods |= method switch
                        {
                            "NULL" => AuthMethods.Null,
                            "HASHEDPASSWORD" => AuthMethods.HashedPassword,
                            "COOKIE" => AuthMethods.Cookie,
                            "SAFECOOKIE" => AuthMethods.SafeCookie,
                            _ => AuthMethods.None,
                        };
                    }

                    cookieFile = args["COOKIEFILE"];
                    break;
                case "VERSION":
                    version = args["Tor"];
                    break;
            }
        }

        return sawAuth ? new ProtocolInfo(methods, cookieFile, version) : ControlErrors.UnexpectedReply;
    }
}
