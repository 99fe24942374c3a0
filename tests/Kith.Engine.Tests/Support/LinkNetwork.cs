using Kith.Engine.Links;
using Kith.Primitives.Ids;

namespace Kith.Engine.Tests.Support;

/// <summary>
/// In-memory links between devices: frames queue until <see cref="Pump"/> delivers them, each dropped or
/// duplicated with a seeded probability, so a test controls every loss, duplicate and interleaving.
/// </summary>
public sealed class LinkNetwork(TimeProvider time, ulong seed = 1)
{
    private readonly TimeProvider _time = time;
    private readonly Random _chance = new(unchecked((int)seed));
    private readonly Dictionary<DeviceId, Endpoint> _endpoints = [];
    private readonly HashSet<(DeviceId, DeviceId)> _connected = [];
    private readonly Queue<(DeviceId From, DeviceId To, byte[] Frame)> _inFlight = new();

    /// <summary>Probability that a frame is lost.</summary>
    public double DropRate { get; set; }

    /// <summary>Probability that a delivered frame arrives twice.</summary>
    public double DuplicateRate { get; set; }

    /// <summary>When set, frames it returns <c>true</c> for (by sender and receiver) are lost.</summary>
    public Func<DeviceId, DeviceId, bool>? Blocked { get; set; }

    /// <summary>Every frame handed to the network, with its sender, receiver and the time it was sent.</summary>
    public List<(DeviceId From, DeviceId To, byte[] Frame, long AtUnixMs)> Sent { get; } = [];

    public IDeviceLinks Links(DeviceId device)
    {
        if (!_endpoints.TryGetValue(device, out Endpoint? endpoint))
        {
            endpoint = new Endpoint(this, device);
            _endpoints[device] = endpoint;
        }

        return endpoint;
    }

    public void Connect(DeviceId a, DeviceId b)
    {
        if (_connected.Add(Pair(a, b)))
        {
            _endpoints[a].Observer?.Connected(b);
            _endpoints[b].Observer?.Connected(a);
        }
    }

    public void Disconnect(DeviceId a, DeviceId b)
    {
        if (_connected.Remove(Pair(a, b)))
        {
            _endpoints[a].Observer?.Disconnected(b);
            _endpoints[b].Observer?.Disconnected(a);
        }
    }

    public bool IsConnected(DeviceId a, DeviceId b) => _connected.Contains(Pair(a, b));

    /// <summary>Delivers queued frames (and those their handling sends) until none is left; returns how many arrived.</summary>
    public int Pump()
    {
        int delivered = 0;
        while (_inFlight.TryDequeue(out var frame))
        {
            if (!IsConnected(frame.From, frame.To) || Blocked?.Invoke(frame.From, frame.To) == true || _chance.NextDouble() < DropRate)
            {
                continue;
            }

            int copies = _chance.NextDouble() < DuplicateRate ? 2 : 1;
            for (int i = 0; i < copies; i++)
            {
                delivered++;
                _endpoints[frame.To].Observer?.Received(frame.From, frame.Frame);
            }
        }

        return delivered;
    }

    private static (DeviceId, DeviceId) Pair(DeviceId a, DeviceId b) => a < b ? (a, b) : (b, a);

    private sealed class Endpoint(LinkNetwork network, DeviceId self) : IDeviceLinks
    {
        public IDeviceLinkObserver? Observer { get; private set; }

        public bool Send(DeviceId device, ReadOnlyMemory<byte> frame)
        {
            network.Sent.Add((self, device, frame.ToArray(), network._time.GetUtcNow().ToUnixTimeMilliseconds()));
            if (!network.IsConnected(self, device))
            {
                return false;
            }

            network._inFlight.Enqueue((self, device, frame.ToArray()));
            return true;
        }

        public void Subscribe(IDeviceLinkObserver observer) => Observer = observer;
    }
}
