using System;

namespace MleGen;

internal static partial class FitEngine
{
    /// <summary>
    /// L-BFGS's gradient test, relative to |f|, leaves estimates of weakly determined coefficients
    /// correct to only a few digits; a couple of Newton steps on the exact observed information (which
    /// every model provides) make them accurate to rounding, so L-BFGS and Newton fits agree.
    /// </summary>
    private const double PolishFactor = 1e-4;

    /// <summary>Newton iterations allowed to polish a converged L-BFGS fit (it needs one or two).</summary>
    private const int PolishIterations = 10;

    private static OptimizationResult FinishWithNewton(IObjective objective, double[] u, in OptimizerSettings settings, OptimizationResult result, NewtonWorkspace workspace)
    {
        int remaining = settings.MaxIterations - result.Iterations;
        if (remaining <= 0)
        {
            return result;
        }

        if (NeedsRefinement(result.Status))
        {
            // L-BFGS stalled before its gradient test (a relative-change or step test on a badly
            // scaled problem): finish with safeguarded Newton, which is invariant to the parameters' scales.
            OptimizerSettings rest = settings with { MaxIterations = remaining, IterationOffset = settings.IterationOffset + result.Iterations };
            // After a stall on the f or step test L-BFGS is near the optimum: start undamped.
            bool near = result.Status is OptimizationStatus.FunctionConverged or OptimizationStatus.StepConverged;
            OptimizationResult finish = Newton.Minimize(objective, u, rest, workspace, nearOptimum: near);
            return finish with { Iterations = result.Iterations + finish.Iterations, Evaluations = result.Evaluations + finish.Evaluations };
        }

        if (result.Status != OptimizationStatus.GradientConverged)
        {
            return result;
        }

        OptimizerSettings polish = settings with
        {
            GradientTolerance = settings.GradientTolerance * PolishFactor,
            MaxIterations = Math.Min(PolishIterations, remaining),
            IterationOffset = settings.IterationOffset + result.Iterations,
        };

        // Newton accepts only steps that decrease f or, within rounding, the gradient, so the polished
        // point (already in u) is kept and reported, with every iteration the progress reports counted.
        OptimizationResult polished = Newton.Minimize(objective, u, polish, workspace, nearOptimum: true);
        if (!polished.Converged && settings.MaxIterations - result.Iterations - polished.Iterations > 0)
        {
            // L-BFGS's gradient test passed far from the optimum (it is relative to |f|; a coefficient in large
            // units has a tiny gradient), and the polish could not certify it in its few steps: finish with Newton
            // on the remaining budget, whose result (converged or not) is the fit's.
            OptimizerSettings rest = settings with
            {
                MaxIterations = settings.MaxIterations - result.Iterations - polished.Iterations,
                IterationOffset = settings.IterationOffset + result.Iterations + polished.Iterations,
            };
            OptimizationResult finish = Newton.Minimize(objective, u, rest, workspace);
            return finish with
            {
                Iterations = result.Iterations + polished.Iterations + finish.Iterations,
                Evaluations = result.Evaluations + polished.Evaluations + finish.Evaluations,
            };
        }

        return result with
        {
            Iterations = result.Iterations + polished.Iterations,
            Evaluations = result.Evaluations + polished.Evaluations,
            Value = polished.Value,
            GradientNorm = polished.GradientNorm,
        };
    }

    private static bool NeedsRefinement(OptimizationStatus status) =>
        status is OptimizationStatus.FunctionConverged or OptimizationStatus.StepConverged or OptimizationStatus.LineSearchFailed or OptimizationStatus.MaxIterations;
}
