using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Ratchet;
using Kith.Wire.Ratchet;

namespace Kith.Fuzz.Targets;

/// <summary>
/// A Double Ratchet message as a session receives it: the codec, then <see cref="RatchetSession.Decrypt(ReadOnlySpan{byte})"/>
/// on an established session. Whatever the bytes, a rejected message must leave the session exactly as it
/// was (Double Ratchet §3.5: a failed decryption changes no state).
/// </summary>
public sealed class RatchetMessageTarget : IFuzzTarget
{
    private static byte[]? s_bobState;

    /// <inheritdoc/>
    public string Name => "ratchet-message";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        _ = RatchetMessage.TryDecode(input, out _, out _);

        s_bobState ??= EstablishedResponderState();
        using RatchetSession bob = RatchetSession.Deserialize(s_bobState).Value;
        Result<byte[]> decrypted = bob.Decrypt(input);
        if (!decrypted.IsOk)
        {
            FuzzInvariantException.Check(bob.Serialize().AsSpan().SequenceEqual(s_bobState), "a rejected message changes no state");
        }
    }

    // Alice and Bob after one message each way, so Bob has receiving chains and skipped-key machinery to probe.
    private static byte[] EstablishedResponderState()
    {
        var random = new SeededRandomSource(4);
        using SecretBytes sharedSecret = SecretBytes.Random(32, random);
        using var bobRatchetKey = X25519KeyPair.Generate(random);
        byte[] associatedData = new byte[64];
        using var alice = RatchetSession.InitializeInitiator(sharedSecret.Span, associatedData, bobRatchetKey.PublicKey, random);
        using var bob = RatchetSession.InitializeResponder(sharedSecret.Span, associatedData, bobRatchetKey.PrivateKey.Span);
        _ = bob.Decrypt(alice.Encrypt("one"u8, random)).Value;
        _ = alice.Decrypt(bob.Encrypt("two"u8, random)).Value;
        return bob.Serialize();
    }
}
