using Kith.Primitives.Errors;

namespace Kith.Engine.Delivery;

/// <summary>
/// A step the engine runs by itself (a flush, an inbound item) failed locally: a store error or an exception
/// from the application's handler. Nothing of the step was kept and the work is retried later; the node logs it.
/// </summary>
/// <param name="error">What failed; never user content.</param>
public sealed class EngineFaultEventArgs(KithError error) : EventArgs
{
    /// <summary>What failed.</summary>
    public KithError Error { get; } = error;
}
