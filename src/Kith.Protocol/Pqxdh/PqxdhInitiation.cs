using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Wire.Pqxdh;

namespace Kith.Protocol.Pqxdh;

/// <summary>
/// The initiator's outcome of PQXDH (Signal PQXDH §3.3): the shared key <c>SK</c>, the associated data
/// <c>AD</c>, and the header of the initial message.
/// </summary>
/// <remarks>
/// <para>Session-setup contract with the Double Ratchet (Signal Double Ratchet §3.3, §7.1 "Integration with
/// X3DH"): the initiator calls <c>RatchetInitAlice(SK, bob_dh_public_key)</c> with
/// <see cref="SharedKey"/> and <see cref="ResponderRatchetKey"/> (the responder's signed prekey
/// <c>SPK_B</c>), encrypts her first message with <see cref="AssociatedData"/> as the ratchet's <c>AD</c>, and
/// sends <see cref="CreateMessage"/>. Until the responder answers, she sends <see cref="Header"/> again with
/// every message, so that whichever arrives first can set up the responder's session.</para>
/// <para>The ephemeral private key <c>EK_A</c> and the DH outputs are erased before this object exists (§3.3).
/// Dispose it once the ratchet has taken its copy of <c>SK</c>.</para>
/// </remarks>
public sealed class PqxdhInitiation : IDisposable
{
    internal PqxdhInitiation(SecretBytes sharedKey, byte[] associatedData, PqxdhInitialHeader header, PrekeyBundle bundle)
    {
        SharedKey = sharedKey;
        AssociatedData = associatedData;
        Header = header;
        ResponderDevice = bundle.Device;
        ResponderRatchetKey = (byte[])bundle.SignedPrekey.PublicKey.Clone();
    }

    /// <summary><c>SK</c>: 32 bytes, the Double Ratchet's initial root key.</summary>
    public SecretBytes SharedKey { get; }

    /// <summary><c>AD = EncodeEC(IK_A) ‖ EncodeEC(IK_B) ‖ device_A ‖ device_B</c> (130 bytes; see <see cref="PqxdhParameters"/>).</summary>
    public byte[] AssociatedData { get; }

    /// <summary>The initial message's key-agreement fields.</summary>
    public PqxdhInitialHeader Header { get; }

    /// <summary>The device this session is with.</summary>
    public DeviceId ResponderDevice { get; }

    /// <summary>The responder's first ratchet public key: its signed prekey <c>SPK_B</c> (as in Signal).</summary>
    public byte[] ResponderRatchetKey { get; }

    /// <summary>The initial message: <see cref="Header"/> and the first Double Ratchet message.</summary>
    public PqxdhInitialMessage CreateMessage(byte[] firstRatchetMessage) => new(Header, firstRatchetMessage);

    /// <summary>Zeroes <see cref="SharedKey"/>.</summary>
    public void Dispose() => SharedKey.Dispose();

    /// <summary>Prints the peer and ids, never the key.</summary>
    public override string ToString() => $"PqxdhInitiation(to {ResponderDevice}, {Header}, SK {Redacted.Text})";
}
