using Kith.Bench.Harness;
using Kith.Crypto;

namespace Kith.Bench.Groups;

/// <summary>
/// The lower bound for a Double Ratchet message on Kith.Crypto: each primitive one message needs, timed
/// alone, summed by <see cref="RatchetMessageCost"/>. Prints the primitives too, so a change in the bound
/// can be traced to the primitive that moved.
/// </summary>
public sealed class BoundGroup : IBenchmarkGroup
{
    private static readonly byte[] MessageKeyInfo = "KithBenchMessageKeys"u8.ToArray();
    private static readonly byte[] RootKeyInfo = "KithBenchRootStep"u8.ToArray();

    /// <inheritdoc/>
    public string Name => "bound";

    /// <inheritdoc/>
    public string Description => "what one Double Ratchet message costs at least (primitives on Kith.Crypto)";

    /// <inheritdoc/>
    public void Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IRandomSource random = SystemRandomSource.Instance;

        byte[] chainKey = Random(32);
        byte[] hmacOutput = new byte[HkdfSha256.HashSize];
        double hmac = Primitive(context, "hmac_sha256", count =>
        {
            for (long i = 0; i < count; i++)
            {
                HkdfSha256.Hmac(chainKey, [0x01], hmacOutput);
            }
        });

        // §5.2: HKDF with a zero-filled salt of hash length, the message key as input key material.
        byte[] messageKey = Random(32);
        byte[] zeroSalt = new byte[HkdfSha256.HashSize];
        byte[] messageKeyMaterial = new byte[RatchetMessageCost.MessageKeyMaterialSize];
        double hkdfMessageKey = Primitive(context, "hkdf_message_key", count =>
        {
            for (long i = 0; i < count; i++)
            {
                HkdfSha256.DeriveKey(messageKey, zeroSalt, MessageKeyInfo, messageKeyMaterial);
            }
        });

        byte[] headerKey = Random(XChaCha20Poly1305.KeySize);
        byte[] headerNonce = Random(XChaCha20Poly1305.NonceSize);
        byte[] header = Random(RatchetMessageCost.HeaderSize);
        byte[] encryptedHeader = new byte[header.Length + XChaCha20Poly1305.TagSize];
        double headerEncrypt = Primitive(context, "xchacha20poly1305_encrypt_header", count =>
        {
            for (long i = 0; i < count; i++)
            {
                XChaCha20Poly1305.Encrypt(headerKey, headerNonce, default, header, encryptedHeader);
            }
        });

        byte[] decryptedHeader = new byte[header.Length];
        double headerDecrypt = Primitive(context, "xchacha20poly1305_decrypt_header", count =>
        {
            for (long i = 0; i < count; i++)
            {
                Require(XChaCha20Poly1305.TryDecrypt(headerKey, headerNonce, default, encryptedHeader, decryptedHeader));
            }
        });

        byte[] bodyKey = Random(ChaCha20Poly1305.KeySize);
        byte[] bodyNonce = Random(ChaCha20Poly1305.NonceSize);
        byte[] bodyAssociatedData = Random(RatchetMessageCost.SessionAssociatedDataSize + RatchetMessageCost.EncryptedHeaderSize);
        byte[] body = Random(RatchetMessageCost.MessageSize);
        byte[] encryptedBody = new byte[body.Length + ChaCha20Poly1305.TagSize];
        double bodyEncrypt = Primitive(context, "chacha20poly1305_encrypt_body", count =>
        {
            for (long i = 0; i < count; i++)
            {
                ChaCha20Poly1305.Encrypt(bodyKey, bodyNonce, bodyAssociatedData, body, encryptedBody);
            }
        });

        byte[] decryptedBody = new byte[body.Length];
        double bodyDecrypt = Primitive(context, "chacha20poly1305_decrypt_body", count =>
        {
            for (long i = 0; i < count; i++)
            {
                Require(ChaCha20Poly1305.TryDecrypt(bodyKey, bodyNonce, bodyAssociatedData, encryptedBody, decryptedBody));
            }
        });

        // GENERATE_DH: a random private key and its public key; the raw primitive, without the
        // SecretBytes holder an implementation may add (that cost belongs to the implementation).
        byte[] privateKey = new byte[X25519.PrivateKeySize];
        byte[] publicKey = new byte[X25519.PublicKeySize];
        double keyGeneration = Primitive(context, "x25519_keygen", count =>
        {
            for (long i = 0; i < count; i++)
            {
                random.Fill(privateKey);
                X25519.DerivePublicKey(privateKey, publicKey);
            }
        });

        byte[] peerPublicKey = new byte[X25519.PublicKeySize];
        X25519.DerivePublicKey(Random(X25519.PrivateKeySize), peerPublicKey);
        byte[] sharedSecret = new byte[X25519.SharedSecretSize];
        double agreement = Primitive(context, "x25519_agree", count =>
        {
            for (long i = 0; i < count; i++)
            {
                Require(X25519.TryAgree(privateKey, peerPublicKey, sharedSecret));
            }
        });

        // KDF_RK (§5.2): HKDF with the root key as salt and the DH output as input key material.
        byte[] rootKey = Random(32);
        byte[] rootStepOutput = new byte[RatchetMessageCost.RootStepOutputSize];
        double rootStep = Primitive(context, "hkdf_root_step", count =>
        {
            for (long i = 0; i < count; i++)
            {
                HkdfSha256.DeriveKey(sharedSecret, rootKey, RootKeyInfo, rootStepOutput);
            }
        });

        var cost = new RatchetMessageCost(
            HmacSha256: hmac,
            HkdfMessageKey: hkdfMessageKey,
            BodyEncrypt: bodyEncrypt,
            BodyDecrypt: bodyDecrypt,
            HeaderEncrypt: headerEncrypt,
            HeaderDecrypt: headerDecrypt,
            X25519KeyGeneration: keyGeneration,
            X25519Agreement: agreement,
            HkdfRootStep: rootStep);
        context.Note(FormattableString.Invariant(
            $"one message costs at least: send {cost.SendNanoseconds:0} ns + receive {cost.ReceiveNanoseconds:0} ns; a ratchet step adds {cost.RatchetStepNanoseconds:0} ns"));
        context.Report("ratchet_bound_oneway_msgs_per_s", cost.OneWayMessagesPerSecond, "msgs/s");
        context.Report("ratchet_bound_pingpong_msgs_per_s", cost.PingPongMessagesPerSecond, "msgs/s");

        byte[] Random(int length)
        {
            byte[] bytes = new byte[length];
            random.Fill(bytes);
            return bytes;
        }
    }

    private static double Primitive(BenchContext context, string name, Action<long> batch)
    {
        double nanoseconds = context.Measure(name, batch).MedianNanoseconds;
        context.Report($"bound_{name}_ns", nanoseconds, "ns");
        return nanoseconds;
    }

    // A benchmark that silently measured a failing path would be a wrong figure, not a slow one.
    private static void Require(bool succeeded)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException("A primitive failed on valid input while being measured.");
        }
    }
}
