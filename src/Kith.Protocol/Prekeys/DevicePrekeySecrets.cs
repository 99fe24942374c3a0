using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire.Prekeys;

namespace Kith.Protocol.Prekeys;

/// <summary>
/// A device's private prekeys together with the public <see cref="DevicePrekeys"/> it publishes
/// (PQXDH §3.2). One-time keys are removed once used (PQXDH §3.4: "Bob deletes ... one-time prekey");
/// the signed prekey and the last-resort PQ key stay until rotated.
/// </summary>
public sealed partial class DevicePrekeySecrets : IDisposable
{
    private readonly Dictionary<uint, SecretBytes> _oneTime = [];
    private readonly Dictionary<uint, SecretBytes> _oneTimePq = [];

    private DevicePrekeySecrets(DevicePrekeys published, SecretBytes identityDh, SecretBytes signedPrekey, SecretBytes lastResortPq)
    {
        Published = published;
        IdentityDhPrivateKey = identityDh;
        SignedPrekeyPrivateKey = signedPrekey;
        LastResortPqSeed = lastResortPq;
    }

    /// <summary>The public half, as published.</summary>
    public DevicePrekeys Published { get; private set; }

    /// <summary>The X25519 identity private key (PQXDH <c>IK</c>).</summary>
    public SecretBytes IdentityDhPrivateKey { get; }

    /// <summary>The signed prekey's private key (PQXDH <c>SPK</c>).</summary>
    public SecretBytes SignedPrekeyPrivateKey { get; }

    /// <summary>The last-resort ML-KEM seed (PQXDH <c>PQSPK</c>).</summary>
    public SecretBytes LastResortPqSeed { get; }

    /// <summary>Generates a full set: identity X25519 key, signed prekey, last-resort PQ key and one-time keys, ids from 1.</summary>
    public static DevicePrekeySecrets Generate(Ed25519SigningKey identity, IRandomSource random, int oneTimeCount, int oneTimePqCount)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oneTimeCount, Limits.MaxOneTimePrekeys);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oneTimePqCount, Limits.MaxOneTimePqPrekeys);
        using var identityDh = X25519KeyPair.Generate(random);
        using var signed = X25519KeyPair.Generate(random);
        using SecretBytes lastResortSeed = MlKem1024.GenerateSeed(random);
        var published = new List<OneTimePrekey>();
        var publishedPq = new List<PqPrekey>();
        var secrets = new DevicePrekeySecrets(
            null!, identityDh.PrivateKey.Clone(), signed.PrivateKey.Clone(), lastResortSeed.Clone());
        for (uint id = 1; id <= oneTimeCount; id++)
        {
            using var pair = X25519KeyPair.Generate(random);
            secrets._oneTime[id] = pair.PrivateKey.Clone();
            published.Add(new OneTimePrekey(id, pair.PublicKeyBytes));
        }

        for (uint id = 2; id < 2 + oneTimePqCount; id++)
        {
            SecretBytes seed = MlKem1024.GenerateSeed(random);
            secrets._oneTimePq[id] = seed;
            publishedPq.Add(SignPq(identity, id, false, seed));
        }

        byte[] dh = identityDh.PublicKeyBytes;
        secrets.Published = new DevicePrekeys(
            DeviceId.FromBytes(identity.PublicKey), dh, identity.Sign(PrekeySignatures.IdentityDhKeyPayload(dh)),
            new SignedPrekey(1, signed.PublicKeyBytes, identity.Sign(PrekeySignatures.SignedPrekeyPayload(1, signed.PublicKey))),
            SignPq(identity, 1, true, lastResortSeed), publishedPq, published);
        return secrets;
    }

    /// <summary>The private key of one-time prekey <paramref name="id"/>, if it is still unused.</summary>
    public SecretBytes? FindOneTime(uint id) => _oneTime.GetValueOrDefault(id);

    /// <summary>The seed of one-time PQ prekey <paramref name="id"/>, or the last-resort seed for its id; null if unknown or used.</summary>
    public SecretBytes? FindPq(uint id) =>
        id == Published.LastResortPqPrekey.Id ? LastResortPqSeed : _oneTimePq.GetValueOrDefault(id);

    /// <summary>Deletes a used one-time prekey (X25519) so it can never be used again.</summary>
    public void ConsumeOneTime(uint id)
    {
        if (_oneTime.Remove(id, out SecretBytes? key))
        {
            key.Dispose();
        }
    }

    /// <summary>Deletes a used one-time PQ prekey; the last-resort key is kept (PQXDH §3.4).</summary>
    public void ConsumePq(uint id)
    {
        if (_oneTimePq.Remove(id, out SecretBytes? key))
        {
            key.Dispose();
        }
    }

    /// <summary>Zeroes every private key.</summary>
    public void Dispose()
    {
        IdentityDhPrivateKey.Dispose();
        SignedPrekeyPrivateKey.Dispose();
        LastResortPqSeed.Dispose();
        foreach (SecretBytes key in _oneTime.Values.Concat(_oneTimePq.Values))
        {
            key.Dispose();
        }
    }

    /// <summary>Prints the device only.</summary>
    public override string ToString() => $"DevicePrekeySecrets({Published.Device})";

    private static PqPrekey SignPq(Ed25519SigningKey identity, uint id, bool lastResort, SecretBytes seed)
    {
        byte[] publicKey = MlKem1024.DerivePublicKey(seed.Span);
        return new PqPrekey(id, publicKey, identity.Sign(PrekeySignatures.PqPrekeyPayload(id, lastResort, publicKey)), lastResort);
    }
}
