using System.Text;
using Kith.Protocol.Contacts;
using Kith.Wire.Accounts;
using Kith.Wire.Cards;

namespace Kith.Fuzz.Targets;

/// <summary>
/// What a person pastes or scans: the input as a binary card, as card text (any characters, as copy-paste
/// delivers them) and as an account-log entry. Decoders must give a verdict; a decoded card or entry must
/// re-encode to its input, and verifying a decoded card must return a verdict too.
/// </summary>
public sealed class ContactCardTarget : IFuzzTarget
{
    // A fixed "now" keeps runs reproducible; expiry is then judged against this instant.
    private const long NowUnixMs = 1_795_000_000_000;

    /// <inheritdoc/>
    public string Name => "contact-card";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        if (ContactCard.Decode(input).TryGet(out ContactCard? card, out _))
        {
            FuzzInvariantException.Check(card.ToBytes().AsSpan().SequenceEqual(input), "a decoded card re-encodes to its input");
            _ = ContactCards.Verify(card, NowUnixMs);
        }

        _ = ContactCards.Verify(Encoding.UTF8.GetString(input), NowUnixMs);

        if (AccountEntry.Decode(input).TryGet(out AccountEntry? entry, out _))
        {
            FuzzInvariantException.Check(entry.ToBytes().AsSpan().SequenceEqual(input), "a decoded entry re-encodes to its input");
        }
    }
}
