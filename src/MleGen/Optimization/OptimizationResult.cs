using System;

namespace MleGen;

/// <summary>The outcome of one optimizer run; the minimizer itself is left in the caller's x.</summary>
/// <param name="Status">Why it stopped.</param>
/// <param name="Iterations">Iterations performed.</param>
/// <param name="Evaluations">Objective evaluations.</param>
/// <param name="Value">The final objective value.</param>
/// <param name="GradientNorm">The final (projected or pseudo-) gradient infinity norm.</param>
internal readonly record struct OptimizationResult(OptimizationStatus Status, int Iterations, int Evaluations, double Value, double GradientNorm)
{
    /// <summary>True for the three convergence statuses.</summary>
    public bool Converged => Status is OptimizationStatus.GradientConverged or OptimizationStatus.FunctionConverged or OptimizationStatus.StepConverged;

    /// <summary>A human-readable reason (constant strings: building it never allocates).</summary>
    public string Reason => Status switch
    {
        OptimizationStatus.GradientConverged => "gradient below tolerance",
        OptimizationStatus.FunctionConverged => "relative change of the objective below tolerance",
        OptimizationStatus.StepConverged => "step below tolerance",
        OptimizationStatus.MaxIterations => "iteration limit reached",
        OptimizationStatus.LineSearchFailed => "line search could not decrease the objective",
        OptimizationStatus.Stalled => "stalled: the steps became negligible while the gradient is still large (the maximum may not exist: a parameter running to a bound or to infinity)",
        OptimizationStatus.KktNotMet => "the L1 optimality (KKT) conditions are not met to the tolerance",
        OptimizationStatus.NonFiniteStart => "objective not finite at the start values",
        _ => throw new InvalidOperationException($"Unknown status {Status}."),
    };

    /// <summary>For an L1 problem, the largest relative violation of its optimality (KKT) conditions at the minimizer (see <see cref="ActiveSetNewton.KktResidual"/>); null otherwise.</summary>
    public double? KktResidual { get; init; }
}
