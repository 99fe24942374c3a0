namespace Kith.Bench.Harness;

/// <summary>
/// The timed rounds of one measurement. The median round is the figure reported: on a shared two-core
/// machine the mean is dragged by whichever round another process preempted.
/// </summary>
/// <param name="MedianNanoseconds">Median over the rounds of the time per operation.</param>
/// <param name="FastestNanoseconds">The fastest round's time per operation.</param>
/// <param name="SlowestNanoseconds">The slowest round's time per operation.</param>
/// <param name="Rounds">Timed rounds.</param>
/// <param name="OperationsPerRound">Operations in each timed round.</param>
public readonly record struct Measurement(
    double MedianNanoseconds, double FastestNanoseconds, double SlowestNanoseconds, int Rounds, long OperationsPerRound)
{
    /// <summary>Operations per second at the median.</summary>
    public double PerSecond => 1e9 / MedianNanoseconds;

    /// <summary>Milliseconds per operation at the median.</summary>
    public double Milliseconds => MedianNanoseconds / 1e6;

    /// <summary>A one-line summary of the spread, for the <c>#</c> lines.</summary>
    public string Describe() =>
        FormattableString.Invariant(
            $"median {MedianNanoseconds:0.#} ns/op, fastest {FastestNanoseconds:0.#}, slowest {SlowestNanoseconds:0.#}, {Rounds} rounds x {OperationsPerRound} ops");
}
