using Kith.Bench.Harness;
using Kith.Crypto;
using Kith.Protocol.Prekeys;
using Kith.Protocol.Sessions;

namespace Kith.Bench.Groups;

/// <summary>
/// Session setup as a person meets it: Alice verifies Bob's published prekeys, runs PQXDH (X25519 +
/// ML-KEM-1024) and encrypts a first 100-byte message; Bob runs PQXDH's responder side, initialises his
/// ratchet and decrypts it. Key generation for Bob's prekeys is untimed (it happens once per device).
/// libsignal's group times the same work (process bundle, encrypt, decrypt the PreKey message).
/// </summary>
public sealed class SessionSetupGroup : IBenchmarkGroup
{
    /// <inheritdoc/>
    public string Name => "session-setup";

    /// <inheritdoc/>
    public string Description => "PQXDH + Double Ratchet session setup, both sides, with the first message";

    /// <inheritdoc/>
    public IReadOnlyList<RatioDefinition> Ratios =>
    [
        new("session_setup_vs_libsignal", "session_setup_ms", "libsignal_session_setup_ms"),
    ];

    /// <inheritdoc/>
    public void Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IRandomSource random = SystemRandomSource.Instance;
        byte[] plaintext = new byte[RatchetMessageCost.MessageSize];
        random.Fill(plaintext);
        using Ed25519SigningKey aliceIdentity = Ed25519SigningKey.Generate(random);
        using Ed25519SigningKey bobIdentity = Ed25519SigningKey.Generate(random);
        using DevicePrekeySecrets alice = DevicePrekeySecrets.Generate(aliceIdentity, random, 0, 0);

        Measurement setup = context.MeasureEach(
            "PQXDH + first message, both sides",
            // One-time keys are consumed by each setup, so every iteration gets a fresh responder.
            () => DevicePrekeySecrets.Generate(bobIdentity, random, 1, 0),
            bob =>
            {
                using (bob)
                {
                    using DeviceSession initiator = DeviceSession.Initiate(alice, bob.Published.Device, bob.Published, random).Value;
                    byte[] envelope = initiator.Encrypt(plaintext, random);
                    var (responder, received) = DeviceSession.Accept(bob, envelope).Value;
                    responder.Dispose();
                    if (!received.AsSpan().SequenceEqual(plaintext))
                    {
                        throw new InvalidOperationException("The first message decrypted to different bytes while being measured.");
                    }
                }
            });
        context.Report("session_setup_ms", setup.Milliseconds, "ms");
    }
}
