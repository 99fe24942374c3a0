namespace Kith.Protocol.Storage;

/// <summary>
/// Runs steps one at a time, each in one transaction over <see cref="IStepStores"/>: it commits when the step
/// returns and keeps nothing when it throws. Effects (frames sent, events shown) belong after
/// <see cref="Run{T}"/> returns, never inside the step. Steps do not nest.
/// </summary>
public interface IStepRunner
{
    /// <summary>Runs <paramref name="work"/> in one transaction and commits it; returns the step's value.</summary>
    T Run<T>(Func<IStepStores, T> work);
}
