using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Prekeys;

namespace Kith.Protocol.Pqxdh;

/// <summary>
/// The responder's outcome of PQXDH (Signal PQXDH §3.4), before it is committed: <c>SK</c>, <c>AD</c>,
/// who the initiator claims to be, and which one-time prekeys to delete once the session is proven.
/// </summary>
/// <remarks>
/// <para>Two phases. <see cref="PqxdhResponder.Respond"/> changes no state. §3.4: "Bob attempts to decrypt
/// the initial ciphertext using SK and AD. If the initial ciphertext fails to decrypt, then Bob aborts the
/// protocol and deletes SK"; only after success does he delete the one-time prekeys. So the caller first
/// initialises the Double Ratchet and decrypts the first message, and only then calls
/// <see cref="CommitConsumedPrekeys"/> (persisting the deletion with the new session in one transaction).
/// A forged or corrupted initial message therefore never costs a one-time prekey.</para>
/// <para>Session-setup contract with the Double Ratchet (Signal Double Ratchet §3.3, §7.1): the responder
/// calls <c>RatchetInitBob(SK, bob_dh_key_pair)</c> with <see cref="SharedKey"/> and
/// <see cref="RatchetKeyPair"/> (its signed prekey pair <c>SPK_B</c>, as Signal does), and decrypts with
/// <see cref="AssociatedData"/> as <c>AD</c>. Whether <see cref="InitiatorDevice"/> is a device the user
/// knows (and trusts) is for the caller to decide (§4.1).</para>
/// <para>Replay (§4.3): a message that used a one-time prekey fails once that key is committed. One that
/// used only the signed and last-resort keys derives the same <c>SK</c> again; the caller should refuse a
/// second session from the same <see cref="InitiatorEphemeralKey"/>, and the ratchet's fresh keys keep a
/// replay from reaching later messages.</para>
/// </remarks>
public sealed class PqxdhResponse : IDisposable
{
    internal PqxdhResponse(SecretBytes sharedKey, byte[] associatedData, DeviceId responderDevice, DeviceId initiatorDevice,
        byte[] initiatorIdentityDhKey, byte[] initiatorEphemeralKey, X25519KeyPair ratchetKeyPair, uint? oneTimePrekeyId, uint? oneTimePqPrekeyId)
    {
        SharedKey = sharedKey;
        AssociatedData = associatedData;
        ResponderDevice = responderDevice;
        InitiatorDevice = initiatorDevice;
        InitiatorIdentityDhKey = initiatorIdentityDhKey;
        InitiatorEphemeralKey = initiatorEphemeralKey;
        RatchetKeyPair = ratchetKeyPair;
        ConsumedOneTimePrekeyId = oneTimePrekeyId;
        ConsumedOneTimePqPrekeyId = oneTimePqPrekeyId;
    }

    /// <summary><c>SK</c>: 32 bytes, the Double Ratchet's initial root key.</summary>
    public SecretBytes SharedKey { get; }

    /// <summary><c>AD = EncodeEC(IK_A) ‖ EncodeEC(IK_B) ‖ device_A ‖ device_B</c> (130 bytes).</summary>
    public byte[] AssociatedData { get; }

    /// <summary>The responder's own device.</summary>
    public DeviceId ResponderDevice { get; }

    /// <summary>The initiator's device, whose signature on <see cref="InitiatorIdentityDhKey"/> was verified.</summary>
    public DeviceId InitiatorDevice { get; }

    /// <summary><c>IK_A</c>.</summary>
    public byte[] InitiatorIdentityDhKey { get; }

    /// <summary><c>EK_A</c>: unique per initiation, so a key for spotting replays (§4.3).</summary>
    public byte[] InitiatorEphemeralKey { get; }

    /// <summary>The responder's first ratchet key pair: a copy of its signed prekey pair <c>SPK_B</c>.</summary>
    public X25519KeyPair RatchetKeyPair { get; }

    /// <summary>The one-time prekey <c>OPK_B</c> to delete on commit, if one was used.</summary>
    public uint? ConsumedOneTimePrekeyId { get; }

    /// <summary>The one-time PQ prekey <c>PQOPK_B</c> to delete on commit; <c>null</c> when the last-resort key was used (it is kept).</summary>
    public uint? ConsumedOneTimePqPrekeyId { get; }

    /// <summary>
    /// Deletes the one-time prekeys this initiation used (§3.4), to be called only after the first ratchet
    /// message decrypted. Idempotent.
    /// </summary>
    /// <param name="secrets">The responder's secrets, the same that <see cref="PqxdhResponder.Respond"/> read.</param>
    public void CommitConsumedPrekeys(DevicePrekeySecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Published.Device != ResponderDevice)
        {
            throw new ArgumentException("These prekeys belong to another device than the one that responded.", nameof(secrets));
        }

        if (ConsumedOneTimePrekeyId is uint oneTime)
        {
            secrets.ConsumeOneTime(oneTime);
        }

        if (ConsumedOneTimePqPrekeyId is uint pq)
        {
            secrets.ConsumePq(pq);
        }
    }

    /// <summary>Zeroes <see cref="SharedKey"/> and the copy of the ratchet key.</summary>
    public void Dispose()
    {
        SharedKey.Dispose();
        RatchetKeyPair.Dispose();
    }

    /// <summary>Prints devices and ids, never keys.</summary>
    public override string ToString() =>
        $"PqxdhResponse(from {InitiatorDevice} to {ResponderDevice}, consumes OPK {Id(ConsumedOneTimePrekeyId)}, PQOPK {Id(ConsumedOneTimePqPrekeyId)}, SK {Redacted.Text})";

    private static string Id(uint? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
