using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Wire;

namespace Kith.Protocol.Prekeys;

/// <summary>
/// The ids of the one-time prekeys a device has used (PQXDH §3.4: "Bob deletes any one-time prekey private key that
/// was used"). The device's key blob is written once, so the deletions are kept beside it, written in the step that
/// stored the session using the key, and applied again on start: a used one-time key never comes back after a restart.
/// </summary>
/// <remarks>Encoding: <c>u16 n (u32 id)*n u16 m (u32 id)*m</c>, X25519 ids then ML-KEM ids.</remarks>
/// <param name="OneTime">Used one-time X25519 prekeys (<c>OPK</c>).</param>
/// <param name="OneTimePq">Used one-time ML-KEM prekeys (<c>PQOPK</c>).</param>
public sealed record ConsumedPrekeys(IReadOnlyList<uint> OneTime, IReadOnlyList<uint> OneTimePq)
{
    /// <summary>The state kind the messenger keeps them under (key: the device id).</summary>
    public const string StateKind = "prekeys.consumed";

    /// <summary>The published one-time keys of <paramref name="secrets"/> whose private halves are gone.</summary>
    public static ConsumedPrekeys Of(DevicePrekeySecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return new ConsumedPrekeys(
            [.. secrets.Published.OneTimePrekeys.Select(k => k.Id).Where(id => secrets.FindOneTime(id) is null)],
            [.. secrets.Published.OneTimePqPrekeys.Select(k => k.Id).Where(id => secrets.FindPq(id) is null)]);
    }

    /// <summary>Deletes these keys from <paramref name="secrets"/> (idempotent).</summary>
    public void ApplyTo(DevicePrekeySecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (uint id in OneTime)
        {
            secrets.ConsumeOneTime(id);
        }

        foreach (uint id in OneTimePq)
        {
            secrets.ConsumePq(id);
        }
    }

    /// <summary>Whether both lists hold the same ids in the same order.</summary>
    public bool SameAs(ConsumedPrekeys other) =>
        other is not null && OneTime.SequenceEqual(other.OneTime) && OneTimePq.SequenceEqual(other.OneTimePq);

    /// <summary>The encoding.</summary>
    public byte[] Encode()
    {
        var writer = new WireWriter(4 + (4 * (OneTime.Count + OneTimePq.Count)));
        writer.U16((ushort)OneTime.Count);
        foreach (uint id in OneTime)
        {
            writer.U32(id);
        }

        writer.U16((ushort)OneTimePq.Count);
        foreach (uint id in OneTimePq)
        {
            writer.U32(id);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes stored bytes; never throws.</summary>
    public static Result<ConsumedPrekeys> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        if (!TryReadIds(ref reader, Limits.MaxOneTimePrekeys, out List<uint>? oneTime)
            || !TryReadIds(ref reader, Limits.MaxOneTimePqPrekeys, out List<uint>? oneTimePq)
            || !reader.TryFinish(out _))
        {
            return reader.Error ?? WireErrors.Malformed;
        }

        return new ConsumedPrekeys(oneTime!, oneTimePq!);
    }

    private static bool TryReadIds(ref WireReader reader, int max, out List<uint>? ids)
    {
        ids = null;
        if (!reader.TryReadUInt16(out ushort count) || count > max)
        {
            return reader.Error is null ? reader.Fail(WireErrors.Oversized) : false;
        }

        ids = new List<uint>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt32(out uint id))
            {
                return false;
            }

            ids.Add(id);
        }

        return true;
    }

    /// <summary>Counts only.</summary>
    public override string ToString() => $"ConsumedPrekeys({OneTime.Count} + {OneTimePq.Count} PQ)";
}
