using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Accounts;

namespace Kith.Protocol.Accounts;

/// <summary>
/// An account's validated membership log (PROTOCOL.md, accounts): a DAG of signed entries rooted at the genesis,
/// whose id is the <see cref="AccountId"/>. Entries are accepted only when every check passes — format, signature
/// (and the new device's co-signature for add-device), the author's membership at the entry's parents, known
/// parents, bounded size — and a refused entry changes nothing.
/// </summary>
/// <remarks>
/// Membership at a set of heads is <c>{genesis author} ∪ added − revoked</c> over the entries the heads reach.
/// Because revocation is permanent and a revoked device can never be re-added, this is a set computation with
/// no dependence on delivery order, so replicas with the same entries agree (the same reason Matrix state
/// resolution and Keybase's sigchains make revocation sticky). Conflicts are not resolved but reported
/// (<see cref="AccountView.Conflicts"/>). Entries whose parents are missing are refused with a retryable error
/// (<see cref="AccountErrors.UnknownParents"/>) rather than held, so the log never keeps unvalidated entries;
/// <see cref="AddMany"/> orders a batch that arrived in any order.
/// </remarks>
public sealed class AccountLog
{
    private readonly Dictionary<EventId, AccountEntry> _entries = [];
    private readonly List<AccountEntry> _order = [];
    private readonly SortedSet<EventId> _heads = [];
    private readonly Dictionary<EventId, HashSet<EventId>> _ancestors = [];

    private AccountLog(AccountEntry genesis)
    {
        Account = AccountId.FromBytes(genesis.Id.Span);
        Insert(genesis);
    }

    /// <summary>The account id (the genesis entry's id).</summary>
    public AccountId Account { get; }

    /// <summary>The genesis entry.</summary>
    public AccountEntry Genesis => _order[0];

    /// <summary>Every entry, parents before children (in the order accepted).</summary>
    public IReadOnlyList<AccountEntry> Entries => _order;

    /// <summary>The current heads: entries no other entry names as parent, ascending.</summary>
    public IReadOnlyList<EventId> Heads => [.. _heads];

    /// <summary>Number of entries.</summary>
    public int Count => _order.Count;

    /// <summary>Starts a log from its genesis entry, checking its signature.</summary>
    public static Result<AccountLog> Create(AccountEntry genesis)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        if (genesis.Kind != AccountEntryKind.Genesis)
        {
            return AccountErrors.NotGenesis;
        }

        return VerifyAuthor(genesis) ? new AccountLog(genesis) : AccountErrors.BadSignature;
    }

    /// <summary>Rebuilds a log from stored entries (genesis first), validating every one again.</summary>
    public static Result<AccountLog> Load(IEnumerable<byte[]> encodedEntries)
    {
        ArgumentNullException.ThrowIfNull(encodedEntries);
        AccountLog? log = null;
        foreach (byte[] bytes in encodedEntries)
        {
            if (!AccountEntry.Decode(bytes).TryGet(out AccountEntry? entry, out KithError? error))
            {
                return error;
            }

            Result<AccountEntry> added = log is null ? Create(entry).Map(created => (log = created).Genesis) : log.Add(entry);
            if (!added.IsOk)
            {
                return added.Error;
            }
        }

        return log is null ? AccountErrors.NotGenesis : log;
    }

    /// <summary>Whether the entry is in the log.</summary>
    public bool Contains(EventId id) => _entries.ContainsKey(id);

    /// <summary>The entry with id <paramref name="id"/>, or null.</summary>
    public AccountEntry? Find(EventId id) => _entries.GetValueOrDefault(id);

    /// <summary>A copy that can be changed without changing this log.</summary>
    public AccountLog Clone()
    {
        var copy = new AccountLog(Genesis);
        foreach (AccountEntry entry in _order.Skip(1))
        {
            copy.Insert(entry);
        }

        return copy;
    }

    /// <summary>Validates <paramref name="entry"/> against its parents and, if valid, adds it.</summary>
    public Result<AccountEntry> Add(AccountEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        KithError? error = Validate(entry);
        if (error is not null)
        {
            return error;
        }

        Insert(entry);
        return entry;
    }

    /// <summary>Decodes and adds one entry.</summary>
    public Result<AccountEntry> Add(ReadOnlySpan<byte> encoded) =>
        AccountEntry.Decode(encoded).TryGet(out AccountEntry? entry, out KithError? error) ? Add(entry) : error;

    /// <summary>
    /// Adds a batch that may arrive in any order, retrying entries whose parents come later in the batch.
    /// Returns one result per entry, in the batch's order; entries whose parents never arrive keep
    /// <see cref="AccountErrors.UnknownParents"/>.
    /// </summary>
    public IReadOnlyList<Result<AccountEntry>> AddMany(IReadOnlyList<AccountEntry> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new Result<AccountEntry>[batch.Count];
        var waiting = Enumerable.Range(0, batch.Count).ToList();
        bool progress = true;
        while (progress && waiting.Count > 0)
        {
            progress = false;
            var next = new List<int>();
            foreach (int i in waiting)
            {
                results[i] = Add(batch[i]);
                if (results[i].IsOk)
                {
                    progress = true;
                }
                else if (results[i].Error == AccountErrors.UnknownParents)
                {
                    next.Add(i);
                }
            }

            waiting = next;
        }

        return results;
    }

    /// <summary>The account at the current heads.</summary>
    public AccountView Current() => ViewAt(_heads);

    /// <summary>The account at <paramref name="heads"/> (all must be in the log).</summary>
    public AccountView ViewAt(IEnumerable<EventId> heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        var headList = heads.Distinct().Order().ToList();
        HashSet<EventId> reach = Reach(headList);
        Membership membership = MembershipOf(reach);
        return new AccountView(Account, headList, [.. membership.Members.Order()], [.. membership.Revoked.Order()],
            DisplayNameOf(reach, membership.Revoked), ConflictsOf(reach));
    }

    private KithError? Validate(AccountEntry entry)
    {
        if (entry.Kind == AccountEntryKind.Genesis)
        {
            return entry.Id == Genesis.Id ? AccountErrors.AlreadyKnown : AccountErrors.NotGenesis;
        }

        if (entry.Account != Account)
        {
            return AccountErrors.WrongAccount;
        }

        if (_entries.ContainsKey(entry.Id))
        {
            return AccountErrors.AlreadyKnown;
        }

        if (entry.Parents.Any(parent => !_entries.ContainsKey(parent)))
        {
            return AccountErrors.UnknownParents;
        }

        if (entry.Parents.Any(parent => _entries[parent].CreatedAtUnixMs > entry.CreatedAtUnixMs))
        {
            return AccountErrors.TimeWentBackwards;
        }

        if (_order.Count >= Limits.MaxAccountLogEntries)
        {
            return AccountErrors.LogFull;
        }

        if (!VerifyAuthor(entry))
        {
            return AccountErrors.BadSignature;
        }

        if (entry.Kind == AccountEntryKind.AddDevice
            && !Ed25519.Verify(entry.Subject.Span, entry.SignedPayload(coSigner: true), entry.CoSignature))
        {
            return AccountErrors.MissingCoSignature;
        }

        return ValidateMembership(entry, MembershipOf(Reach(entry.Parents)));
    }

    private static KithError? ValidateMembership(AccountEntry entry, Membership at)
    {
        if (!at.Members.Contains(entry.Author))
        {
            return at.Revoked.Contains(entry.Author) ? AccountErrors.AuthorRevoked : AccountErrors.AuthorNotMember;
        }

        return entry.Kind switch
        {
            AccountEntryKind.AddDevice when at.Revoked.Contains(entry.Subject) => AccountErrors.DeviceRevoked,
            AccountEntryKind.AddDevice when at.Members.Contains(entry.Subject) => AccountErrors.AlreadyMember,
            AccountEntryKind.AddDevice when at.Members.Count >= Limits.MaxDevicesPerAccount => AccountErrors.TooManyDevices,
            AccountEntryKind.RevokeDevice when entry.Subject == entry.Author => AccountErrors.SelfRevocation,
            AccountEntryKind.RevokeDevice when !at.Members.Contains(entry.Subject) => AccountErrors.NotMember,
            _ => null,
        };
    }

    private static bool VerifyAuthor(AccountEntry entry) =>
        Ed25519.Verify(entry.Author.Span, entry.SignedPayload(coSigner: false), entry.Signature);

    private void Insert(AccountEntry entry)
    {
        _entries.Add(entry.Id, entry);
        _order.Add(entry);
        var ancestors = new HashSet<EventId> { entry.Id };
        foreach (EventId parent in entry.Parents)
        {
            ancestors.UnionWith(_ancestors[parent]);
            _heads.Remove(parent);
        }

        _ancestors.Add(entry.Id, ancestors);
        _heads.Add(entry.Id);
    }

    /// <summary>The entries <paramref name="heads"/> reach, heads included.</summary>
    private HashSet<EventId> Reach(IEnumerable<EventId> heads)
    {
        var reach = new HashSet<EventId>();
        foreach (EventId head in heads)
        {
            reach.UnionWith(_ancestors[head]);
        }

        return reach;
    }

    private Membership MembershipOf(HashSet<EventId> reach)
    {
        var added = new HashSet<DeviceId> { Genesis.Author };
        var revoked = new HashSet<DeviceId>();
        foreach (EventId id in reach)
        {
            AccountEntry entry = _entries[id];
            if (entry.Kind == AccountEntryKind.AddDevice)
            {
                added.Add(entry.Subject);
            }
            else if (entry.Kind == AccountEntryKind.RevokeDevice)
            {
                revoked.Add(entry.Subject);
            }
        }

        added.ExceptWith(revoked);
        return new Membership(added, revoked);
    }

    private List<AccountConflict> ConflictsOf(HashSet<EventId> reach)
    {
        var conflicts = new List<AccountConflict>();
        foreach (EventId id in reach)
        {
            AccountEntry revocation = _entries[id];
            if (revocation.Kind != AccountEntryKind.RevokeDevice)
            {
                continue;
            }

            DeviceId revoked = revocation.Subject;
            HashSet<EventId> seen = _ancestors[revocation.Id];
            foreach (EventId otherId in reach)
            {
                AccountEntry other = _entries[otherId];
                if (other.Author == revoked && other.Kind is AccountEntryKind.AddDevice or AccountEntryKind.RevokeDevice
                    && !seen.Contains(other.Id))
                {
                    conflicts.Add(new AccountConflict(revocation.Id, revoked, other.Id));
                }
            }
        }

        return [.. conflicts.OrderBy(c => c.Revocation).ThenBy(c => c.Conflicting)];
    }

    private string DisplayNameOf(HashSet<EventId> reach, HashSet<DeviceId> revoked)
    {
        // Profiles by revoked devices are ignored (a thief's last words); of the rest, those no later
        // profile follows are the candidates, and ties between concurrent ones go to the later, then larger id.
        var candidates = reach.Select(id => _entries[id])
            .Where(e => e.Kind == AccountEntryKind.Profile && !revoked.Contains(e.Author))
            .ToList();
        AccountEntry? chosen = candidates
            .Where(c => !candidates.Any(o => o.Id != c.Id && _ancestors[o.Id].Contains(c.Id)))
            .OrderByDescending(c => c.CreatedAtUnixMs)
            .ThenByDescending(c => c.Id)
            .FirstOrDefault();
        return chosen?.DisplayName ?? "";
    }

    private sealed record Membership(HashSet<DeviceId> Members, HashSet<DeviceId> Revoked);
}
