namespace Kith.Tor.Control;

/// <summary>
/// A complete control-port reply (tor control-spec §2.3): <c>*(MidReplyLine / DataReplyLine) EndReplyLine</c>.
/// Replies whose status is <c>6xx</c> are asynchronous events (§2.4, §4.1).
/// </summary>
public sealed class ControlReply
{
    /// <summary>Creates a reply from its lines; the last one must be the end line.</summary>
    public ControlReply(IReadOnlyList<ControlReplyLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || lines[^1].Kind != ControlLineKind.End)
        {
            throw new ArgumentException("A reply ends with exactly one end line.", nameof(lines));
        }

        Lines = lines;
    }

    /// <summary>All lines, the end line last.</summary>
    public IReadOnlyList<ControlReplyLine> Lines { get; }

    /// <summary>The status code of the end line, which tor uses for the whole reply.</summary>
    public int Status => Lines[^1].Status;

    /// <summary>Whether this is an asynchronous event (status <c>6xx</c>, control-spec §2.4).</summary>
    public bool IsAsync => Status / 100 == 6;

    /// <summary>Whether the command succeeded (status <c>2xx</c>, control-spec §4).</summary>
    public bool IsSuccess => Status / 100 == 2;

    /// <summary>
    /// For an event, its keyword (<c>HS_DESC</c>, <c>STATUS_CLIENT</c>): the first word of the first line (§4.1).
    /// </summary>
    public string FirstWord
    {
        get
        {
            var text = Lines[0].Text;
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var word = space < 0 ? text : text[..space];
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            return equals < 0 ? word : word[..equals];
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("\n", Lines);
}
