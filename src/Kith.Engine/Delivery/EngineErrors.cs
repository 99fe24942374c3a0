using Kith.Primitives.Errors;

namespace Kith.Engine.Delivery;

/// <summary>The engine's own failure reports (<see cref="EngineFaultEventArgs"/>).</summary>
public static class EngineErrors
{
    /// <summary>The application's handler (or a store) threw in a step; the step was rolled back.</summary>
    public static readonly KithError StepFailed = new("engine.step_failed", ErrorScope.Local, true,
        "A delivery step failed and was rolled back; it is retried later.");
}
