using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

/// <summary>
/// An <c>HS_DESC</c> event (control-spec §4.1.25):
/// <c>"650" SP "HS_DESC" SP Action SP HSAddress SP AuthType SP HsDir [SP DescriptorID] [SP "REASON=" Reason] ...</c>.
/// </summary>
public sealed class HsDescEvent
{
    private HsDescEvent(string action, string address, string hsDir, string? reason)
    {
        Action = action;
        Address = address;
        HsDir = hsDir;
        Reason = reason;
    }

    /// <summary><c>REQUESTED</c>, <c>UPLOAD</c>, <c>RECEIVED</c>, <c>UPLOADED</c>, <c>IGNORE</c>, <c>FAILED</c> or <c>CREATED</c>.</summary>
    public string Action { get; }

    /// <summary>The onion address without <c>.onion</c> (56 base32 characters for v3), or <c>UNKNOWN</c>.</summary>
    public string Address { get; }

    /// <summary>The directory the descriptor went to or came from (<c>$FINGERPRINT~nick</c>), or <c>UNKNOWN</c>.</summary>
    public string HsDir { get; }

    /// <summary>For <c>FAILED</c>, tor's reason keyword (<c>NOT_FOUND</c>, <c>UPLOAD_REJECTED</c>, ...).</summary>
    public string? Reason { get; }

    /// <summary>Reads an <c>HS_DESC</c> event reply.</summary>
    public static Result<HsDescEvent> Parse(ControlReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.IsAsync || reply.FirstWord != "HS_DESC")
        {
            return ControlErrors.UnexpectedReply;
        }

        var parsed = ControlArguments.Parse(reply.Lines[0].Text);
        if (!parsed.TryGet(out var args, out var error))
        {
            return error;
        }

        // HS_DESC Action HSAddress AuthType HsDir: five positional words at least.
        return args.Positional.Count < 5
            ? ControlErrors.Malformed
            : new HsDescEvent(args.Positional[1], args.Positional[2], args.Positional[4], args["REASON"]);
    }
}
