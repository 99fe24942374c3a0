using Kith.Wire.Onion;

namespace Kith.Tor.Control;

/// <summary>An onion service tor accepted, and how its first descriptor publication went.</summary>
/// <param name="Address">The address tor reported (checked against the key's own when Kith supplied the key).</param>
/// <param name="DescriptorsUploaded">HSDirs that acknowledged a descriptor (0 when the caller did not wait).</param>
/// <param name="DescriptorsFailed">HSDir uploads that failed.</param>
public sealed record PublishedOnionService(OnionAddress Address, int DescriptorsUploaded, int DescriptorsFailed);
