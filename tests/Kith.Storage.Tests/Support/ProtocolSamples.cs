using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Contacts;
using Kith.Protocol.Devices;
using Kith.Protocol.Trust;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;

namespace Kith.Storage.Tests.Support;

/// <summary>Real, signed protocol values for the store suites, made from seeded keys.</summary>
public static class ProtocolSamples
{
    /// <summary>An account's genesis and <paramref name="profiles"/> profile entries, each the child of the one before.</summary>
    public static (AccountId Account, List<AccountEntry> Entries) AccountLog(ulong seed, int profiles, string name = "Ada")
    {
        var random = new SeededRandomSource(seed);
        using Ed25519SigningKey key = Ed25519SigningKey.Generate(random);
        AccountEntry genesis = AccountEntries.Genesis(key, 1_000, random);
        AccountId account = AccountId.FromBytes(genesis.Id.Span);
        var entries = new List<AccountEntry> { genesis };
        for (int i = 0; i < profiles; i++)
        {
            entries.Add(AccountEntries.Profile(key, account, [entries[^1].Id], 2_000 + i, $"{name} {i}"));
        }

        return (account, entries);
    }

    public static AccountId Account(byte fill) => AccountId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    public static ContactRecord Contact(AccountId account, string name, TrustState state = TrustState.Unvalidated, int forks = 0)
    {
        var forkIds = Enumerable.Range(1, forks).Select(i => EventId.FromBytes(Enumerable.Repeat((byte)i, Id32.Size).ToArray())).ToList();
        return new ContactRecord(account, state, state == TrustState.Compromised ? CompromiseReason.AccountForked : CompromiseReason.None,
            forkIds, name, 5_000);
    }

    /// <summary>A signed record of a fresh device (no one-time prekeys, to stay quick).</summary>
    public static DeviceRecord Device(ulong seed, long issuedAtUnixMs = 10_000, ushort port = 9000)
    {
        using DeviceKeys keys = DeviceKeys.Generate(new SeededRandomSource(seed), 0, 0);
        return keys.IssueRecord([DeviceTransport.Onion(port)], issuedAtUnixMs);
    }
}
