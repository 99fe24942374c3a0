namespace Kith.Simulation.Network;

/// <summary>
/// One encoded sync message on the wire between two devices (by index in the run), tagged with the sync
/// session it belongs to: a transport's connection. <paramref name="LinkSequence"/> numbers the messages of a
/// directed link in sending order, so reordering can be counted on arrival.
/// </summary>
internal sealed record Envelope(int From, int To, long Session, byte[] Bytes, long LinkSequence);
