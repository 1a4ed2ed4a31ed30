using System;

namespace MleGen;

internal static partial class FitEngine
{
    /// <summary>
    /// The continuation's ε are 10^0, 10^−1, …, 10^−LastKinkSmoothingExponent: the first is Huber-like on
    /// standardized residuals, and at the last the smoothed minimizer is within ~ε·scale of the kinked one.
    /// </summary>
    private const int LastKinkSmoothingExponent = 11;

    /// <summary>
    /// A likelihood with kinks (Laplace: the maximum sits where residuals are exactly 0) defeats gradient
    /// tests and quasi-Newton curvature. Solve a sequence of smoothed problems, each from the last one's
    /// solution, with ε → 0: Newton on the smoothed likelihood carries the kinks' curvature 1/ε, so each
    /// stage takes a few steps, and the last one is within ~ε of the kinked optimum. ε is an argument of
    /// each stage's evaluations (<see cref="FitProblem.KinkSmoothing"/>), never state of the model: any other
    /// evaluation of the model, during the fit or after it, is of the model as written.
    /// </summary>
    private static OptimizationOutcome OptimizeThroughKinks(FitProblem problem, in OptimizerSettings settings)
    {
        IMleModel model = problem.Model;
        FitProblem current = problem;
        OptimizationOutcome? outcome = null;
        int iterations = 0, evaluations = 0;
        for (int exponent = 0; exponent <= LastKinkSmoothingExponent; exponent++)
        {
            // The stages share the iteration budget, each getting at least one iteration, so the
            // estimate reported is always that of the least smoothed problem (and a spent budget
            // shows as the last stage's iteration limit: not converged).
            OptimizerSettings stage = settings with
            {
                MaxIterations = Math.Max(1, settings.MaxIterations - iterations),
                IterationOffset = settings.IterationOffset + iterations,
            };
            outcome = OptimizeSmooth(current.WithKinkSmoothing(Math.Pow(10, -exponent)), FitMethod.Newton, stage, warmStart: outcome is null);
            iterations += outcome.Result.Iterations;
            evaluations += outcome.Result.Evaluations;
            current = current.WithStart(outcome.Theta);
        }

        settings.CancellationToken.ThrowIfCancellationRequested();
        OptimizationResult last = outcome!.Result;
        double objective = ObjectiveAt(model, outcome.Theta);
        return new OptimizationOutcome(
            outcome.Theta,
            last with { Iterations = iterations, Evaluations = evaluations, Value = objective },
            FitMethod.Newton,
            objective,
            "a kinked likelihood (Laplace): Newton through a smoothing continuation",
            ThroughKinks: true);
    }
}
