using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Pqxdh;
using Kith.Protocol.Prekeys;
using Kith.Wire.Prekeys;

namespace Kith.Protocol.Tests.Pqxdh;

/// <summary>A device for tests: its Ed25519 identity and its prekey secrets, generated from a seed.</summary>
internal sealed class TestDevice : IDisposable
{
    private TestDevice(Ed25519SigningKey identity, DevicePrekeySecrets secrets)
    {
        Identity = identity;
        Secrets = secrets;
    }

    public Ed25519SigningKey Identity { get; }

    public DevicePrekeySecrets Secrets { get; }

    public DeviceId Device => Secrets.Published.Device;

    public DevicePrekeys Published => Secrets.Published;

    public static TestDevice Create(ulong seed, int oneTimeCount = 2, int oneTimePqCount = 1)
    {
        var random = new SeededRandomSource(seed);
        var identity = Ed25519SigningKey.Generate(random);
        return new TestDevice(identity, DevicePrekeySecrets.Generate(identity, random, oneTimeCount, oneTimePqCount));
    }

    /// <summary>The bundle an initiator would select from this device's published prekeys.</summary>
    public PrekeyBundle Bundle(bool oneTime = true, bool oneTimePq = true) =>
        PrekeyBundle.Select(Device, Published,
            oneTime ? Published.OneTimePrekeys[0].Id : null,
            oneTimePq ? Published.OneTimePqPrekeys[0].Id : null).Value;

    /// <summary>Everything that must not change when a forged message is processed: the published set and which one-time keys are still usable.</summary>
    public string StateFingerprint()
    {
        var usable = Published.OneTimePrekeys.Select(k => Secrets.FindOneTime(k.Id) is { IsDisposed: false } ? $"o{k.Id}" : $"-o{k.Id}")
            .Concat(Published.OneTimePqPrekeys.Select(k => Secrets.FindPq(k.Id) is { IsDisposed: false } ? $"q{k.Id}" : $"-q{k.Id}"));
        return Convert.ToHexString(Published.ToBytes()) + string.Join(",", usable);
    }

    public void Dispose()
    {
        Secrets.Dispose();
        Identity.Dispose();
    }
}
