using Kith.Bench.Harness;
using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Ratchet;

namespace Kith.Bench.Groups;

/// <summary>
/// Kith's Double Ratchet (<see cref="RatchetSession"/>) on 100-byte messages, one way and ping-pong, the
/// same workloads as the libsignal group and the bound, so the RATIO lines read directly. Excluded from
/// the build in Kith.Bench.csproj until Kith.Protocol.Ratchet is merged.
/// </summary>
public sealed class RatchetGroup : IBenchmarkGroup
{
    /// <inheritdoc/>
    public string Name => "ratchet";

    /// <inheritdoc/>
    public string Description => "Kith.Protocol.Ratchet: one-way and ping-pong 100-byte messages, initialisation";

    /// <inheritdoc/>
    public IReadOnlyList<RatioDefinition> Ratios =>
    [
        new("ratchet_oneway_vs_bound", "ratchet_oneway_msgs_per_s", "ratchet_bound_oneway_msgs_per_s"),
        new("ratchet_pingpong_vs_bound", "ratchet_pingpong_msgs_per_s", "ratchet_bound_pingpong_msgs_per_s"),
        new("ratchet_oneway_vs_libsignal", "ratchet_oneway_msgs_per_s", "libsignal_oneway_msgs_per_s"),
        new("ratchet_pingpong_vs_libsignal", "ratchet_pingpong_msgs_per_s", "libsignal_pingpong_msgs_per_s"),
    ];

    /// <inheritdoc/>
    public void Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IRandomSource random = SystemRandomSource.Instance;
        byte[] plaintext = new byte[RatchetMessageCost.MessageSize];
        random.Fill(plaintext);

        // One way: Alice keeps sending, Bob keeps receiving; every message is a symmetric chain step.
        using (Pair pair = Pair.Established(random, plaintext))
        {
            Measurement oneWay = context.Measure("ratchet one-way", count =>
            {
                for (long i = 0; i < count; i++)
                {
                    Transfer(pair.Alice, pair.Bob, plaintext, random);
                }
            });
            context.Report("ratchet_oneway_msgs_per_s", oneWay.PerSecond, "msgs/s");
        }

        // Ping-pong: the direction alternates, so every message carries a new ratchet key.
        using (Pair pair = Pair.Established(random, plaintext))
        {
            bool aliceSends = true;
            Measurement pingPong = context.Measure("ratchet ping-pong", count =>
            {
                for (long i = 0; i < count; i++)
                {
                    if (aliceSends)
                    {
                        Transfer(pair.Alice, pair.Bob, plaintext, random);
                    }
                    else
                    {
                        Transfer(pair.Bob, pair.Alice, plaintext, random);
                    }

                    aliceSends = !aliceSends;
                }
            });
            context.Report("ratchet_pingpong_msgs_per_s", pingPong.PerSecond, "msgs/s");
        }

        // Both sides initialised from an agreed secret, and the first message sent and received. This is
        // the ratchet's share of session setup; PQXDH itself is not included (see bench/README.md).
        Measurement initialisation = context.MeasureEach(
            "ratchet init + first message",
            () => new Keys(random),
            keys =>
            {
                using Pair pair = Pair.Initialize(keys, random);
                Transfer(pair.Alice, pair.Bob, plaintext, random);
            });
        context.Report("ratchet_init_first_message_ms", initialisation.Milliseconds, "ms");
    }

    private static void Transfer(RatchetSession from, RatchetSession to, byte[] plaintext, IRandomSource random)
    {
        byte[] message = from.Encrypt(plaintext, random);
        Result<byte[]> decrypted = to.Decrypt(message);
        if (!decrypted.TryGet(out byte[]? received, out KithError? error))
        {
            throw new InvalidOperationException($"A valid message was rejected while being measured: {error.Code}.");
        }

        if (!received.AsSpan().SequenceEqual(plaintext))
        {
            throw new InvalidOperationException("A message decrypted to different bytes while being measured.");
        }
    }

    // Sessions hold secrets; dispose them if the type says so, without this file depending on whether it does.
    private static void DisposeIfDisposable(object session) => (session as IDisposable)?.Dispose();

    /// <summary>What the key agreement would have given both sides.</summary>
    private sealed class Keys : IDisposable
    {
        public Keys(IRandomSource random)
        {
            SharedSecret = SecretBytes.Random(32, random);
            AssociatedData = new byte[RatchetMessageCost.SessionAssociatedDataSize];
            random.Fill(AssociatedData);
            ResponderRatchetKey = X25519KeyPair.Generate(random);
        }

        public SecretBytes SharedSecret { get; }

        public byte[] AssociatedData { get; }

        public X25519KeyPair ResponderRatchetKey { get; }

        public void Dispose()
        {
            SharedSecret.Dispose();
            ResponderRatchetKey.Dispose();
        }
    }

    private sealed class Pair : IDisposable
    {
        private Pair(RatchetSession alice, RatchetSession bob)
        {
            Alice = alice;
            Bob = bob;
        }

        public RatchetSession Alice { get; }

        public RatchetSession Bob { get; }

        public static Pair Initialize(Keys keys, IRandomSource random) =>
            new(
                RatchetSession.InitializeInitiator(keys.SharedSecret.Span, keys.AssociatedData, keys.ResponderRatchetKey.PublicKey, random),
                RatchetSession.InitializeResponder(keys.SharedSecret.Span, keys.AssociatedData, keys.ResponderRatchetKey.PrivateKey.Span));

        /// <summary>A pair past its first round trip, so both sides have sending and receiving chains.</summary>
        public static Pair Established(IRandomSource random, byte[] plaintext)
        {
            using var keys = new Keys(random);
            Pair pair = Initialize(keys, random);
            Transfer(pair.Alice, pair.Bob, plaintext, random);
            Transfer(pair.Bob, pair.Alice, plaintext, random);
            return pair;
        }

        public void Dispose()
        {
            DisposeIfDisposable(Alice);
            DisposeIfDisposable(Bob);
        }
    }
}
