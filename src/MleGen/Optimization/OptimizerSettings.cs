using System;
using System.Threading;

namespace MleGen;

/// <summary>Stopping rules and hooks shared by the optimizers.</summary>
/// <param name="GradientTolerance">Stop when ‖g‖∞ ≤ GradientTolerance·max(1, |f|).</param>
/// <param name="FunctionTolerance">Stop when an iteration changes f by at most FunctionTolerance·max(1, |f|).</param>
/// <param name="MaxIterations">The iteration budget.</param>
/// <param name="Progress">Receives one report per iteration, or null.</param>
/// <param name="CancellationToken">Checked once per iteration.</param>
internal readonly record struct OptimizerSettings(
    double GradientTolerance,
    double FunctionTolerance,
    int MaxIterations,
    IProgress<FitProgress>? Progress,
    CancellationToken CancellationToken)
{
    /// <summary>Defaults: 1e-8, 1e-12, 1000 iterations.</summary>
    public static OptimizerSettings Default => new(1e-8, 1e-12, 1000, null, CancellationToken.None);

    /// <summary>Added to the iteration numbers in progress reports (a run that continues another).</summary>
    public int IterationOffset { get; init; }

    /// <summary>Relative step size below which an iteration is considered stalled (a few ulps).</summary>
    public const double StepTolerance = 1e-15;
}
