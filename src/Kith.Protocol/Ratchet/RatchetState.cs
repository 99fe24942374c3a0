using System.Security.Cryptography;

namespace Kith.Protocol.Ratchet;

/// <summary>
/// The state variables of Signal's "The Double Ratchet Algorithm" with header encryption (§4.3).
/// </summary>
/// <remarks>
/// <para>
/// The eight secret keys live side by side in one pinned buffer that <see cref="Dispose"/> zeroes.
/// "None" values of the spec are flags; an absent key is all zeros.
/// </para>
/// <para>
/// DHRatchetHE (§4.6) generates the new sending ratchet key pair while decrypting, which needs
/// randomness that Kith's Decrypt does not take. Kith uses the option the spec's security
/// considerations describe under "Deferring new ratchet key generation": the receiving half of a DH
/// ratchet step runs when the message arrives, and the sending half (GENERATE_DH and the second
/// KDF_RK_HE) at the next Encrypt. The peer cannot tell the difference, since it sees the new ratchet
/// key only in that next message, and the new private key lives for a shorter time.
/// </para>
/// </remarks>
internal sealed class RatchetState : IDisposable
{
    internal const int KeySize = RatchetKdf.KeySize;
    internal const int SecretsSize = 8 * KeySize;

    private readonly byte[] _secrets = GC.AllocateArray<byte>(SecretsSize, pinned: true);
    private readonly byte[] _sendingRatchetPublicKey = new byte[KeySize];
    private readonly byte[] _receivingRatchetPublicKey = new byte[KeySize];

    internal RatchetState(byte[] associatedData) => AssociatedData = associatedData;

    /// <summary>The eight secret keys in their stored order (RK, CKs, CKr, DHs private, HKs, HKr, NHKs, NHKr).</summary>
    internal Span<byte> Secrets => _secrets;

    /// <summary>RK: the root key.</summary>
    internal Span<byte> RootKey => Key(0);

    /// <summary>CKs: the sending chain key; meaningful when <see cref="HasSendingChain"/>.</summary>
    internal Span<byte> SendingChainKey => Key(1);

    /// <summary>CKr: the receiving chain key; meaningful when <see cref="HasReceivingChain"/>.</summary>
    internal Span<byte> ReceivingChainKey => Key(2);

    /// <summary>DHs (private half): the sending ratchet private key.</summary>
    internal Span<byte> SendingRatchetPrivateKey => Key(3);

    /// <summary>HKs: the sending header key; meaningful when <see cref="HasPeerRatchetKey"/>.</summary>
    internal Span<byte> SendingHeaderKey => Key(4);

    /// <summary>HKr: the receiving header key; meaningful when <see cref="HasReceivingChain"/>.</summary>
    internal Span<byte> ReceivingHeaderKey => Key(5);

    /// <summary>NHKs: the next sending header key.</summary>
    internal Span<byte> NextSendingHeaderKey => Key(6);

    /// <summary>NHKr: the next receiving header key.</summary>
    internal Span<byte> NextReceivingHeaderKey => Key(7);

    /// <summary>DHs (public half), derived from the private half.</summary>
    internal Span<byte> SendingRatchetPublicKey => _sendingRatchetPublicKey;

    /// <summary>DHr: the peer's ratchet public key; meaningful when <see cref="HasPeerRatchetKey"/>.</summary>
    internal Span<byte> ReceivingRatchetPublicKey => _receivingRatchetPublicKey;

    /// <summary>Whether CKs is set.</summary>
    internal bool HasSendingChain { get; set; }

    /// <summary>Whether CKr and HKr are set (they are set together, in DHRatchetHE).</summary>
    internal bool HasReceivingChain { get; set; }

    /// <summary>Whether DHr and HKs are set; with no sending chain, the sending half of a DH ratchet step is pending.</summary>
    internal bool HasPeerRatchetKey { get; set; }

    /// <summary>Ns: messages sent in the current sending chain.</summary>
    internal uint SendCount { get; set; }

    /// <summary>Nr: messages received in the current receiving chain.</summary>
    internal uint ReceiveCount { get; set; }

    /// <summary>PN: messages sent in the previous sending chain.</summary>
    internal uint PreviousSendCount { get; set; }

    /// <summary>MKSKIPPED.</summary>
    internal SkippedMessageKeys Skipped { get; } = new();

    /// <summary>AD: the associated data every message is bound to (from PQXDH, §3.3 / §5.1).</summary>
    internal byte[] AssociatedData { get; }

    /// <summary>Whether the sending half of a DH ratchet step waits for the next Encrypt.</summary>
    internal bool SendingRatchetPending => HasPeerRatchetKey && !HasSendingChain;

    /// <summary>Zeroes every secret.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_secrets);
        Skipped.Dispose();
    }

    private Span<byte> Key(int index) => _secrets.AsSpan(index * KeySize, KeySize);
}
