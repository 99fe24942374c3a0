using CsCheck;
using Kith.Crypto;
using Kith.Protocol.Accounts;
using Kith.Wire.Accounts;

namespace Kith.Protocol.Tests.Accounts;

/// <summary>
/// Model-based property test: several member devices act on their own replicas of the account log (add, revoke,
/// rename, occasionally syncing), then every entry written is delivered to fresh replicas in random orders.
/// Every replica must reach the same heads, membership, display name and fork verdict.
/// </summary>
public class AccountLogConvergenceTests
{
    private const int Replicas = 3;

    [Fact]
    public void Replicas_fed_the_same_entries_in_any_order_agree_on_membership_and_forks()
    {
        // A statement lambda: CsCheck treats a bool-returning one as the property itself.
        Gen.ULong.Sample(seed => { Scenario(seed); }, iter: 40, threads: 1);
    }

    [Fact]
    public void Forks_appear_in_some_scenarios_so_the_verdict_is_exercised()
    {
        int forked = Enumerable.Range(0, 30).Count(i => Scenario((ulong)i * 7919));
        Assert.InRange(forked, 1, 29);
    }

    /// <summary>Runs one scenario and returns whether the final log is forked.</summary>
    private static bool Scenario(ulong seed)
    {
        var random = new SeededRandomSource(seed);
        long now = 1_700_000_000_000;
        var devices = Enumerable.Range(0, Replicas).Select(_ => Ed25519SigningKey.Generate(random)).ToList();
        AccountEntry genesis = AccountEntries.Genesis(devices[0], now, random);
        var replicas = Enumerable.Range(0, Replicas).Select(_ => AccountLog.Create(genesis).Value).ToList();
        for (int i = 1; i < Replicas; i++)
        {
            AccountEntry add = AccountEntries.Add(devices[0], devices[i], replicas[0].Account, replicas[0].Heads, ++now);
            Assert.True(replicas[0].Add(add).IsOk);
        }

        foreach (AccountLog replica in replicas.Skip(1))
        {
            replica.AddMany([.. replicas[0].Entries.Skip(1)]);
        }

        var all = new List<AccountEntry>(replicas[0].Entries);
        int steps = 6 + random.NextInt(14);
        for (int step = 0; step < steps; step++)
        {
            int r = random.NextInt(Replicas);
            AccountLog log = replicas[r];
            AccountView view = log.Current();
            now += 1 + random.NextInt(5000);
            if (!view.IsMember(AccountFixture.Id(devices[r])))
            {
                continue;
            }

            AccountEntry? entry = null;
            switch (random.NextInt(5))
            {
                case 0:
                    using (var fresh = Ed25519SigningKey.Generate(random))
                    {
                        entry = AccountEntries.Add(devices[r], fresh, log.Account, log.Heads, now);
                    }

                    break;
                case 1:
                    var others = view.Members.Where(m => m != AccountFixture.Id(devices[r])).ToList();
                    if (others.Count > 0)
                    {
                        entry = AccountEntries.Revoke(devices[r], log.Account, log.Heads, now, others[random.NextInt(others.Count)]);
                    }

                    break;
                case 2:
                    entry = AccountEntries.Profile(devices[r], log.Account, log.Heads, now, $"name {step}");
                    break;
                default:
                    int from = random.NextInt(Replicas);
                    Assert.All(log.AddMany([.. replicas[from].Entries.Where(e => !log.Contains(e.Id))]), result => Assert.True(result.IsOk));
                    break;
            }

            if (entry is not null)
            {
                Assert.True(log.Add(entry).IsOk, $"seed {seed}: own entry refused");
                all.Add(entry);
            }
        }

        AccountView? expected = null;
        for (int delivery = 0; delivery < 4; delivery++)
        {
            AccountLog fresh = AccountLog.Create(genesis).Value;
            List<AccountEntry> shuffled = [.. all.Skip(1).OrderBy(_ => random.NextInt(int.MaxValue))];
            if (delivery % 2 == 0)
            {
                Assert.All(fresh.AddMany(shuffled), result => Assert.True(result.IsOk, $"seed {seed}: {result}"));
            }
            else
            {
                DeliverOneByOneWithRetries(fresh, shuffled);
            }

            AccountView view = fresh.Current();
            expected ??= view;
            AssertSameView(expected, view, seed);
        }

        foreach (AccountLog replica in replicas)
        {
            replica.AddMany([.. all.Where(e => !replica.Contains(e.Id))]);
            AssertSameView(expected!, replica.Current(), seed);
        }

        return expected!.IsForked;
    }

    /// <summary>What a sync layer does: offer each entry as it arrives; park the ones whose parents are missing.</summary>
    private static void DeliverOneByOneWithRetries(AccountLog log, List<AccountEntry> arriving)
    {
        var parked = new List<AccountEntry>();
        foreach (AccountEntry entry in arriving)
        {
            parked.Add(entry);
            bool progress = true;
            while (progress)
            {
                progress = false;
                foreach (AccountEntry waiting in parked.ToList())
                {
                    if (log.Add(waiting).IsOk)
                    {
                        parked.Remove(waiting);
                        progress = true;
                    }
                }
            }
        }

        Assert.Empty(parked);
    }

    private static void AssertSameView(AccountView expected, AccountView actual, ulong seed)
    {
        string context = $"seed {seed}";
        Assert.True(expected.Heads.SequenceEqual(actual.Heads), context);
        Assert.True(expected.Members.SequenceEqual(actual.Members), context);
        Assert.True(expected.Revoked.SequenceEqual(actual.Revoked), context);
        Assert.True(expected.Conflicts.SequenceEqual(actual.Conflicts), context);
        Assert.Equal(expected.DisplayName, actual.DisplayName);
    }
}
