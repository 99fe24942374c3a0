namespace Kith.Tor.Control;

/// <summary>One line of a control-port reply (tor control-spec §2.3), with its data block if it is a data line.</summary>
public sealed class ControlReplyLine
{
    /// <summary>Creates a reply line.</summary>
    /// <param name="status">The three-digit status code.</param>
    /// <param name="kind">The separator after the status code.</param>
    /// <param name="text">The text after the separator, without CRLF.</param>
    /// <param name="data">For <see cref="ControlLineKind.Data"/> lines, the dot-unstuffed data block, lines joined by LF.</param>
    public ControlReplyLine(int status, ControlLineKind kind, string text, string? data = null)
    {
        if ((kind == ControlLineKind.Data) != (data is not null))
        {
            throw new ArgumentException("Data lines, and only data lines, carry a data block.", nameof(data));
        }

        Status = status;
        Kind = kind;
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Data = data;
    }

    /// <summary>The three-digit status code (<c>250</c>, <c>650</c>, <c>552</c>, ...).</summary>
    public int Status { get; }

    /// <summary>The separator after the status code.</summary>
    public ControlLineKind Kind { get; }

    /// <summary>The text after the separator, without its CRLF.</summary>
    public string Text { get; }

    /// <summary>The data block of a data line (control-spec §2.3 <c>CmdData</c>), dot-unstuffed, lines joined by LF.</summary>
    public string? Data { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Status}{Kind switch { ControlLineKind.Mid => '-', ControlLineKind.Data => '+', _ => ' ' }}{Text}";
}
