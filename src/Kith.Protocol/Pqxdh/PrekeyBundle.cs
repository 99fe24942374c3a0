using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Prekeys;
using Kith.Wire.Prekeys;

namespace Kith.Protocol.Pqxdh;

/// <summary>
/// The prekey bundle of Signal PQXDH §3.3: what an initiator uses for one session with one device —
/// <c>IK_B</c>, <c>SPK_B</c>, one ML-KEM key <c>PQPK_B</c> (a one-time <c>PQOPK_B</c> if available, else the
/// last-resort <c>PQSPK_B</c>) and, optionally, one one-time curve prekey <c>OPK_B</c>.
/// </summary>
/// <remarks>
/// A bundle exists only after every signature in the device's published prekeys verified (§3.3: "Alice
/// verifies the prekey signatures and aborts the protocol if verification fails"), so
/// <see cref="PqxdhInitiator.Initiate"/> can never compute a Diffie-Hellman value with an unverified key.
/// </remarks>
public sealed class PrekeyBundle
{
    private PrekeyBundle(DevicePrekeys published, PqPrekey pqPrekey, OneTimePrekey? oneTimePrekey)
    {
        Device = published.Device;
        IdentityDhKey = published.IdentityDhKey;
        SignedPrekey = published.SignedPrekey;
        PqPrekey = pqPrekey;
        OneTimePrekey = oneTimePrekey;
    }

    /// <summary>The responder's device (its Ed25519 identity key), which signed every key below.</summary>
    public DeviceId Device { get; }

    /// <summary><c>IK_B</c>: the responder's X25519 identity key.</summary>
    public byte[] IdentityDhKey { get; }

    /// <summary><c>SPK_B</c> with its id and signature.</summary>
    public SignedPrekey SignedPrekey { get; }

    /// <summary><c>PQPK_B</c>: a one-time PQ prekey, or the last-resort one (<see cref="PqPrekey.IsLastResort"/>).</summary>
    public PqPrekey PqPrekey { get; }

    /// <summary><c>OPK_B</c>, or <c>null</c> when the device published none.</summary>
    public OneTimePrekey? OneTimePrekey { get; }

    /// <summary>
    /// Verifies <paramref name="published"/> and picks no one-time key: the last-resort PQ prekey and no
    /// <c>OPK_B</c>. Kith's published prekeys reach several initiators (cards, account updates), and a one-time key
    /// must serve one session only (§3.4: the responder deletes it), so taking "the first" would hand the same key to
    /// every initiator; PQXDH makes one-time keys optional (§3.3). An initiator that was handed keys for itself alone
    /// names them with the other overload.
    /// </summary>
    /// <param name="expectedDevice">The device the initiator means to reach (from a contact card or device list).</param>
    /// <param name="published">That device's published prekeys, untrusted until verified here.</param>
    public static Result<PrekeyBundle> Select(DeviceId expectedDevice, DevicePrekeys published) =>
        Select(expectedDevice, published, oneTimePrekeyId: null, oneTimePqPrekeyId: null);

    /// <summary>
    /// Verifies <paramref name="published"/> and picks the named one-time keys. Kith's prekeys travel in
    /// contact cards rather than through a server that hands each one-time key out once (§3.2), so a caller
    /// that knows a key was already taken can choose another.
    /// </summary>
    /// <param name="expectedDevice">The device the initiator means to reach.</param>
    /// <param name="published">That device's published prekeys, untrusted until verified here.</param>
    /// <param name="oneTimePrekeyId">The <c>OPK_B</c> to use, or <c>null</c> for none.</param>
    /// <param name="oneTimePqPrekeyId">The <c>PQOPK_B</c> to use, or <c>null</c> for the last-resort <c>PQSPK_B</c>.</param>
    public static Result<PrekeyBundle> Select(DeviceId expectedDevice, DevicePrekeys published, uint? oneTimePrekeyId, uint? oneTimePqPrekeyId)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (published.Device != expectedDevice)
        {
            return PqxdhErrors.WrongDevice;
        }

        Result<Unit> verified = PrekeySignatures.Verify(published);
        if (!verified.IsOk)
        {
            return verified.Error;
        }

        OneTimePrekey? oneTime = null;
        if (oneTimePrekeyId is uint id)
        {
            oneTime = published.OneTimePrekeys.FirstOrDefault(k => k.Id == id);
            if (oneTime is null)
            {
                return PqxdhErrors.PrekeyNotPublished;
            }
        }

        PqPrekey pq = published.LastResortPqPrekey;
        if (oneTimePqPrekeyId is uint pqId)
        {
            PqPrekey? chosen = published.OneTimePqPrekeys.FirstOrDefault(k => k.Id == pqId);
            if (chosen is null)
            {
                return PqxdhErrors.PrekeyNotPublished;
            }

            pq = chosen;
        }

        return new PrekeyBundle(published, pq, oneTime);
    }

    /// <summary>Prints the device and the chosen ids.</summary>
    public override string ToString() =>
        $"PrekeyBundle({Device}, SPK {SignedPrekey.Id}, PQ {PqPrekey.Id}{(PqPrekey.IsLastResort ? " (last resort)" : "")}, OPK {OneTimePrekey?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})";
}
