using System.Text;
using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

/// <summary>
/// Sans-IO parser for tor's control-port replies (control-spec §2.3 "Replies from Tor to the controller",
/// §2.4 asynchronous events): bytes in, complete <see cref="ControlReply"/> values out.
/// </summary>
/// <remarks>
/// Memory is bounded whatever tor sends: a line may hold at most <see cref="Limits.TorControlLineMaxBytes"/>,
/// a reply at most <see cref="Limits.TorControlReplyMaxBytes"/> in <see cref="Limits.TorControlReplyMaxLines"/> lines.
/// The first error is sticky: the stream can no longer be framed, so the connection must be closed.
/// </remarks>
public sealed class ControlReplyParser
{
    private readonly byte[] _line = new byte[Limits.TorControlLineMaxBytes];
    private readonly List<ControlReplyLine> _lines = [];
    private readonly StringBuilder _data = new();
    private int _lineLength;
    private int _replyBytes;
    private bool _inData;
    private int _dataStatus;
    private string _dataText = "";
    private bool _dataHasLine;

    /// <summary>The first error met; once set, every further call fails with it.</summary>
    public KithError? Error { get; private set; }

    /// <summary>Whether bytes of an unfinished line or reply are held (a close now would truncate a reply).</summary>
    public bool HasPartialReply => _lineLength > 0 || _lines.Count > 0 || _inData;

    /// <summary>
    /// Consumes <paramref name="input"/> and appends every reply it completes to <paramref name="completed"/>.
    /// Replies completed before an error are still appended.
    /// </summary>
    public Result<Unit> Feed(ReadOnlySpan<byte> input, ICollection<ControlReply> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        if (Error is not null)
        {
            return Error;
        }

        while (!input.IsEmpty)
        {
            var lf = input.IndexOf((byte)'\n');
            var chunk = lf < 0 ? input : input[..(lf + 1)];
            if (_lineLength + chunk.Length > _line.Length)
            {
                return Fail(ControlErrors.LineTooLong);
            }

            chunk.CopyTo(_line.AsSpan(_lineLength));
            _lineLength += chunk.Length;
            input = input[chunk.Length..];
            if (lf < 0)
            {
                break;
            }

            var step = CompleteLine(_line.AsSpan(0, _lineLength), completed);
            _lineLength = 0;
            if (!step.IsOk)
            {
                return Fail(step.Error);
            }
        }

        return Result.Ok();
    }

    /// <summary>Reports the end of the byte stream: an error if a line or reply was left unfinished.</summary>
    public Result<Unit> Finish() =>
        Error is not null ? Error : HasPartialReply ? Fail(ControlErrors.Truncated) : Result.Ok();

    private Result<Unit> CompleteLine(ReadOnlySpan<byte> line, ICollection<ControlReply> completed)
    {
        // Every line ends with CRLF (control-spec §2.3); a bare LF means the stream is not a control stream.
        if (line.Length < 2 || line[^2] != (byte)'\r')
        {
            return ControlErrors.Malformed;
        }

        _replyBytes = checked(_replyBytes + line.Length);
        if (_replyBytes > Limits.TorControlReplyMaxBytes)
        {
            return ControlErrors.ReplyTooLarge;
        }

        var content = line[..^2];
        return _inData ? DataLine(content) : ReplyLine(content, completed);
    }

    private Result<Unit> DataLine(ReadOnlySpan<byte> content)
    {
        if (content.Length == 1 && content[0] == (byte)'.')
        {
            _inData = false;
            return AddLine(new ControlReplyLine(_dataStatus, ControlLineKind.Data, _dataText, _data.ToString()));
        }

        // Dot-stuffing (control-spec §2.3 CmdData, as in RFC 5321 §4.5.2): a leading '.' was doubled.
        if (content.Length > 0 && content[0] == (byte)'.')
        {
            content = content[1..];
        }

        if (_dataHasLine)
        {
            _data.Append('\n');
        }

        _dataHasLine = true;
        _data.Append(Decode(content));
        return Result.Ok();
    }

    private Result<Unit> ReplyLine(ReadOnlySpan<byte> content, ICollection<ControlReply> completed)
    {
        if (content.Length < 4 || !IsDigit(content[0]) || !IsDigit(content[1]) || !IsDigit(content[2]) || content[0] == (byte)'0')
        {
            return ControlErrors.Malformed;
        }

        var status = ((content[0] - '0') * 100) + ((content[1] - '0') * 10) + (content[2] - '0');

        // A reply is all-async or all-sync: tor never interleaves an event inside another reply (§2.4).
        if (_lines.Count > 0 && (_lines[0].Status / 100 == 6) != (status / 100 == 6))
        {
            return ControlErrors.Malformed;
        }

        var text = Decode(content[4..]);
        switch (content[3])
        {
            case (byte)'-':
                return AddLine(new ControlReplyLine(status, ControlLineKind.Mid, text));
            case (byte)'+':
                _inData = true;
                _dataStatus = status;
                _dataText = text;
                _data.Clear();
                _dataHasLine = false;
                return Result.Ok();
            case (byte)' ':
                var added = AddLine(new ControlReplyLine(status, ControlLineKind.End, text));
                if (!added.IsOk)
                {
                    return added;
                }

                completed.Add(new ControlReply(_lines.ToArray()));
                _lines.Clear();
                _replyBytes = 0;
                return Result.Ok();
            default:
                return ControlErrors.Malformed;
        }
    }

    private Result<Unit> AddLine(ControlReplyLine line)
    {
        if (_lines.Count >= Limits.TorControlReplyMaxLines)
        {
            return ControlErrors.ReplyTooLarge;
        }

        _lines.Add(line);
        return Result.Ok();
    }

    private Result<Unit> Fail(KithError error)
    {
        Error = error;
        _lines.Clear();
        _data.Clear();
        _lineLength = 0;
        return error;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    // Tor writes ASCII; paths and nicknames may be UTF-8. Invalid sequences become U+FFFD rather than fail.
    private static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
