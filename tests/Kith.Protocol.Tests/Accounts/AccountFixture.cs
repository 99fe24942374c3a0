using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Wire.Accounts;

namespace Kith.Protocol.Tests.Accounts;

/// <summary>An account with a few device identities, for log tests (no prekeys: they play no part in the log).</summary>
internal sealed class AccountFixture
{
    public AccountFixture(ulong seed, int devices = 3)
    {
        Random = new SeededRandomSource(seed);
        Keys = [.. Enumerable.Range(0, devices).Select(_ => Ed25519SigningKey.Generate(Random))];
        Log = AccountLog.Create(AccountEntries.Genesis(Keys[0], Now, Random)).Value;
    }

    public SeededRandomSource Random { get; }

    public List<Ed25519SigningKey> Keys { get; }

    public AccountLog Log { get; }

    public long Now { get; private set; } = 1_700_000_000_000;

    public AccountId Account => Log.Account;

    public static DeviceId Id(Ed25519SigningKey key) => DeviceId.FromBytes(key.PublicKey);

    public long Tick() => Now += 1000;

    public AccountEntry Add(int author, int added) => Accept(AccountEntries.Add(Keys[author], Keys[added], Account, Log.Heads, Tick()));

    public AccountEntry Revoke(int author, int revoked) => Accept(AccountEntries.Revoke(Keys[author], Account, Log.Heads, Tick(), Id(Keys[revoked])));

    public AccountEntry Profile(int author, string name) => Accept(AccountEntries.Profile(Keys[author], Account, Log.Heads, Tick(), name));

    private AccountEntry Accept(AccountEntry entry)
    {
        var result = Log.Add(entry);
        Assert.True(result.IsOk, result.Error?.ToString());
        return entry;
    }
}
