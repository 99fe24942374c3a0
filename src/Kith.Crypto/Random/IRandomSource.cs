namespace Kith.Crypto;

/// <summary>
/// The injected source of randomness. Nothing below <c>Kith.Node</c> draws randomness any other way,
/// so protocol runs are reproducible from a seed (<see cref="SeededRandomSource"/>) in tests and
/// simulations, and use the OS generator (<see cref="SystemRandomSource"/>) in the node.
/// </summary>
public interface IRandomSource
{
    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    void Fill(Span<byte> destination);
}
