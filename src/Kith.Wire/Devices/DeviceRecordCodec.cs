using System.Text;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire.Prekeys;

namespace Kith.Wire.Devices;

/// <summary>Decoding of <see cref="DeviceRecord"/> and its transports from untrusted bytes.</summary>
internal static class DeviceRecordCodec
{
    internal static void WriteTransport(WireWriter writer, DeviceTransport transport)
    {
        writer.Byte((byte)transport.Kind);
        if (transport.Kind == TransportKind.DirectTcp)
        {
            if (transport.Host.Length is 0 or > Limits.MaxTransportHostLength || !Ascii.IsValid(transport.Host)
                || transport.Host.AsSpan().ContainsAnyInRange((char)0, (char)0x20))
            {
                throw new ArgumentException("A direct-TCP host is 1 to 255 ASCII characters.", nameof(transport));
            }

            writer.Byte((byte)transport.Host.Length).Bytes(Encoding.ASCII.GetBytes(transport.Host));
        }
        else if (transport.Kind != TransportKind.Onion || transport.Host.Length != 0)
        {
            throw new ArgumentException("Unknown transport kind, or a host on an onion transport.", nameof(transport));
        }

        writer.U16(transport.Port);
    }

    internal static bool TryRead(ref WireReader reader, out DeviceRecord? record)
    {
        record = null;
        if (!reader.TryReadByte(out byte version))
        {
            return false;
        }

        if (version != DeviceRecord.Version)
        {
            return reader.Fail(WireErrors.UnknownVersion);
        }

        if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> device)
            || !reader.TryReadSpan(DeviceRecord.OnionKeySize, out ReadOnlySpan<byte> onionKey)
            || !reader.TryReadSpan(DeviceRecord.SignatureSize, out ReadOnlySpan<byte> onionSignature)
            || !reader.TryReadUInt64(out ulong issuedAt)
            || !reader.TryReadByte(out byte transportCount))
        {
            return false;
        }

        if (issuedAt > long.MaxValue)
        {
            return reader.Fail(WireErrors.Malformed);
        }

        if (transportCount is 0 or > Limits.MaxDeviceTransports)
        {
            return reader.Fail(transportCount == 0 ? WireErrors.Malformed : WireErrors.Oversized);
        }

        var transports = new List<DeviceTransport>(transportCount);
        for (int i = 0; i < transportCount; i++)
        {
            if (!TryReadTransport(ref reader, out DeviceTransport? transport))
            {
                return false;
            }

            transports.Add(transport!);
        }

        if (!reader.TryReadSpan(DeviceRecord.SignatureSize, out ReadOnlySpan<byte> signature)
            || !reader.TryReadByte(out byte hasPrekeys))
        {
            return false;
        }

        DevicePrekeys? prekeys = null;
        if (hasPrekeys > 1 || (hasPrekeys == 1 && !DevicePrekeys.TryRead(ref reader, out prekeys)))
        {
            return hasPrekeys > 1 ? reader.Fail(WireErrors.Malformed) : false;
        }

        var id = DeviceId.FromBytes(device);
        if (prekeys is not null && prekeys.Device != id)
        {
            return reader.Fail(WireErrors.Malformed);
        }

        record = new DeviceRecord(id, onionKey.ToArray(), onionSignature.ToArray(), (long)issuedAt, transports,
            signature.ToArray(), prekeys);
        return true;
    }

    private static bool TryReadTransport(ref WireReader reader, out DeviceTransport? transport)
    {
        transport = null;
        if (!reader.TryReadByte(out byte kind))
        {
            return false;
        }

        string host = "";
        if (kind == (byte)TransportKind.DirectTcp)
        {
            if (!reader.TryReadByte(out byte length) || !reader.TryReadSpan(length, out ReadOnlySpan<byte> hostBytes))
            {
                return false;
            }

            if (length == 0 || !Ascii.IsValid(hostBytes) || hostBytes.ContainsAnyInRange((byte)0, (byte)0x20))
            {
                return reader.Fail(WireErrors.Malformed);
            }

            host = Encoding.ASCII.GetString(hostBytes);
        }
        else if (kind != (byte)TransportKind.Onion)
        {
            return reader.Fail(WireErrors.Malformed);
        }

        if (!reader.TryReadUInt16(out ushort port))
        {
            return false;
        }

        transport = new DeviceTransport((TransportKind)kind, host, port);
        return true;
    }
}
