using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Trust;

namespace Kith.Protocol.Tests.Trust;

public class SafetyNumberTests
{
    private static AccountId Account(byte seed) => AccountId.FromBytes(Blake2b.Hash256([seed]));

    [Fact]
    public void Both_sides_see_the_same_sixty_digits_in_twelve_groups()
    {
        SafetyNumber alice = SafetyNumber.Compute(Account(1), Account(2));
        SafetyNumber bob = SafetyNumber.Compute(Account(2), Account(1));
        Assert.Equal(alice.Digits, bob.Digits);
        Assert.Equal(60, alice.Digits.Length);
        Assert.All(alice.Digits, c => Assert.True(char.IsAsciiDigit(c)));
        string[] groups = alice.DisplayText.Split([' ', '\n']);
        Assert.Equal(12, groups.Length);
        Assert.All(groups, g => Assert.Equal(5, g.Length));
        Assert.True(bob.Matches(alice.DisplayText));
    }

    [Fact]
    public void The_number_changes_when_either_identity_changes()
    {
        string original = SafetyNumber.Compute(Account(1), Account(2)).Digits;
        Assert.NotEqual(original, SafetyNumber.Compute(Account(3), Account(2)).Digits);
        Assert.NotEqual(original, SafetyNumber.Compute(Account(1), Account(3)).Digits);
    }

    [Fact]
    public void Each_side_half_is_an_iterated_sha512_fingerprint_of_its_account()
    {
        // Recompute one half independently, as libsignal's NumericFingerprintGenerator describes it.
        byte[] key = Account(1).ToArray();
        byte[] hash = [0, 0, .. key, .. "Kith account"u8.ToArray()];
        for (int i = 0; i < SafetyNumber.Iterations; i++)
        {
            hash = System.Security.Cryptography.SHA512.HashData([.. hash, .. key]);
        }

        string half = string.Concat(Enumerable.Range(0, 6).Select(chunk =>
            (hash.Skip(chunk * 5).Take(5).Aggregate(0UL, (v, b) => (v << 8) | b) % 100000).ToString("D5")));
        Assert.Contains(half, SafetyNumber.Compute(Account(1), Account(2)).Digits, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanning_the_other_sides_code_validates_and_any_other_code_does_not()
    {
        SafetyNumber alice = SafetyNumber.Compute(Account(1), Account(2));
        SafetyNumber bob = SafetyNumber.Compute(Account(2), Account(1));
        Assert.True(alice.VerifyScanned(bob.ToQrPayload()).IsOk);
        Assert.True(bob.VerifyScanned(alice.ToQrPayload()).IsOk);
        Assert.Equal(TrustErrors.SafetyNumberMismatch, alice.VerifyScanned(alice.ToQrPayload()).Error);
        Assert.Equal(TrustErrors.SafetyNumberMismatch, alice.VerifyScanned(SafetyNumber.Compute(Account(3), Account(1)).ToQrPayload()).Error);
        Assert.Equal(TrustErrors.NotASafetyNumber, alice.VerifyScanned("KITH-1234").Error);
        Assert.Equal(TrustErrors.NotASafetyNumber, alice.VerifyScanned(bob.ToQrPayload()[..50]).Error);
    }
}
