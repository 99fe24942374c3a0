using Kith.Api.Contacts;
using Kith.Api.Events;
using Kith.Node.Device;
using Kith.Node.LocalApi;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Contacts;
using Kith.Storage.Database;
using Kith.Storage.Stores;

namespace Kith.Node.Services;

/// <summary>
/// The contact endpoints over <see cref="ContactBook"/>: each change runs as one store step that commits only when
/// the book accepts it (<c>KithDatabase.RunStep</c>), so a refused card or decision leaves every store unchanged,
/// and the live stream hears of it after the commit.
/// </summary>
internal sealed class ContactService(LocalDevice device, EventHub events, TimeProvider time)
{
    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public IReadOnlyList<ContactView> List() => device.Database.RunInTransaction(transaction =>
    {
        ContactBook book = Book(transaction);
        return (IReadOnlyList<ContactView>)[.. new SqliteContactStore(transaction).All()
            .OrderBy(c => c.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(c => View(book, c))];
    });

    /// <summary>Adds or refreshes a contact from card text; the card is checked before the store is touched.</summary>
    public Result<ContactView> Add(string cardText)
    {
        ArgumentNullException.ThrowIfNull(cardText);
        long now = Now;
        if (!ContactCards.Verify(cardText, now).TryGet(out VerifiedCard? card, out KithError? error))
        {
            return error;
        }

        if (card.Card.Account == device.Account)
        {
            return NodeErrors.OwnCard;
        }

        Result<ContactView> added = device.Database.RunStep(transaction =>
        {
            ContactBook book = Book(transaction);
            return book.Import(card, now).Map(record => View(book, record));
        });
        Announce(added);
        return added;
    }

    /// <summary>The safety number to compare with <paramref name="contact"/>.</summary>
    public Result<SafetyNumberView> SafetyNumber(string contact) => device.Database.RunStep(transaction =>
    {
        ContactBook book = Book(transaction);
        if (!Find(transaction, contact).TryGet(out ContactRecord? record, out KithError? error))
        {
            return error;
        }

        var number = Protocol.Trust.SafetyNumber.Compute(device.Account, record.Account);
        return Result<SafetyNumberView>.Ok(new SafetyNumberView(View(book, record), number.DisplayText, number.ToQrPayload()));
    });

    /// <summary>Records the person's decision about <paramref name="contact"/>.</summary>
    public Result<ContactView> Verify(string contact, VerifyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long now = Now;
        Result<ContactView> decided = device.Database.RunStep(transaction =>
        {
            ContactBook book = Book(transaction);
            if (!Find(transaction, contact).TryGet(out ContactRecord? record, out KithError? error))
            {
                return error;
            }

            Result<ContactRecord> next = request.Decision switch
            {
                VerifyDecision.Validated => book.Validate(record.Account,
                    Protocol.Trust.SafetyNumber.Compute(device.Account, record.Account), request.ScannedPayload, now),
                VerifyDecision.Compromised => book.MarkCompromised(record.Account, now),
                _ => NodeErrors.BadRequest,
            };
            return next.Map(updated => View(book, updated));
        });
        Announce(decided);
        return decided;
    }

    /// <summary>The contact a person means (see <see cref="ContactResolver"/>), with its view.</summary>
    public Result<(AccountId Account, ContactView View)> Resolve(string contact) => device.Database.RunInTransaction(transaction =>
    {
        ContactBook book = Book(transaction);
        return Find(transaction, contact).Map(record => (record.Account, View(book, record)));
    });

    /// <summary>The messenger's directory over this device's stores.</summary>
    public NodeMessengerDirectory Directory() => new(device);

    /// <summary>The contact book over the stores of <paramref name="transaction"/> (the directory and peer list read it too).</summary>
    internal static ContactBook Book(KithTransaction transaction) =>
        new(new SqliteContactStore(transaction), new SqliteAccountLogStore(transaction), new SqliteDeviceRecordStore(transaction));

    private static Result<ContactRecord> Find(KithTransaction transaction, string contact) =>
        ContactResolver.Resolve(new SqliteContactStore(transaction).All(), contact);

    private static ContactView View(ContactBook book, ContactRecord record) =>
        ApiViews.Contact(record, book.View(record.Account).TryGet(out AccountView? view, out _) ? view.Members.Count : 0);

    private void Announce(Result<ContactView> result)
    {
        if (result.TryGet(out ContactView? view, out _))
        {
            events.Publish(sequence => new ContactChanged(sequence, view));
        }
    }
}
