using System;

namespace MleGen;

internal static partial class FitEngine
{
    /// <summary>Rounds of the block warm start (bounded parameters, then the others).</summary>
    private const int WarmStartRounds = 4;

    /// <summary>Iterations allowed to the warm start of the bounded parameters.</summary>
    private const int WarmStartIterations = 50;

    /// <summary>
    /// Block relaxation before the joint search: scales, shapes, dispersions and weights (the bounded
    /// parameters) first, with the others at their start; then the others with those held. A scale that
    /// starts far from the data's (σ = 1 for residuals of 0.005) otherwise dominates the objective and the
    /// first steps of the joint search, which then wander into the wrong basin; with the scale held, a
    /// Gaussian model's search is plain least squares. The rounds alternate, because the second block's
    /// gradient test is relative to a scale still far from the data's and stops early. Uses at most half
    /// of the iteration budget.
    /// </summary>
    /// <param name="problem">The fit problem (its start is not changed).</param>
    /// <param name="method">The method of the joint search, used for the unbounded block too.</param>
    /// <param name="settings">The fit's settings; the warm start uses at most half its iterations.</param>
    /// <param name="iterations">The iterations spent (each one reported to the progress).</param>
    /// <param name="evaluations">The objective evaluations spent.</param>
    /// <returns>The start for the joint search (the problem's own when there is nothing to separate).</returns>
    private static double[] WarmStartInBlocks(FitProblem problem, FitMethod method, in OptimizerSettings settings, out int iterations, out int evaluations)
    {
        iterations = 0;
        evaluations = 0;
        double[] start = problem.Start;
        if (settings.MaxIterations <= 1 || !SplitBounded(problem, out bool[] holdUnbounded, out bool[] holdBounded))
        {
            return start;
        }

        int budget = settings.MaxIterations / 2;
        for (int round = 0; round < WarmStartRounds && iterations < budget; round++)
        {
            OptimizerSettings bounded = settings with
            {
                MaxIterations = Math.Min(WarmStartIterations, budget - iterations),
                IterationOffset = settings.IterationOffset + iterations,
            };
            OptimizationResult first = RunStage(problem, start, holdUnbounded, FitMethod.Newton, bounded, out start);
            iterations += first.Iterations;
            evaluations += first.Evaluations;
            if (iterations >= budget)
            {
                break;
            }

            OptimizerSettings others = settings with
            {
                MaxIterations = budget - iterations,
                IterationOffset = settings.IterationOffset + iterations,
            };
            OptimizationResult second = RunStage(problem, start, holdBounded, method, others, out start);
            iterations += second.Iterations;
            evaluations += second.Evaluations;
            if (first.Iterations + second.Iterations <= 2)
            {
                break;
            }
        }

        return start;
    }

    /// <summary>
    /// Which free parameters to hold for each block of the warm start; false when the model has only
    /// bounded or only unbounded free parameters (nothing to separate).
    /// </summary>
    private static bool SplitBounded(FitProblem problem, out bool[] holdUnbounded, out bool[] holdBounded)
    {
        holdUnbounded = (bool[])problem.IsFixed.Clone();
        holdBounded = (bool[])problem.IsFixed.Clone();
        bool anyBounded = false, anyUnbounded = false;
        for (int i = 0; i < problem.Infos.Length; i++)
        {
            if (problem.IsFixed[i])
            {
                continue;
            }

            bool bounded = problem.Infos[i].IsBounded || problem.Infos[i].IsSimplex;
            anyBounded |= bounded;
            anyUnbounded |= !bounded;
            // A simplex cannot be held (ParameterTransform supports no fixed simplex member): its
            // weights stay free in the second block, beside the unbounded parameters.
            holdBounded[i] = bounded && !problem.Infos[i].IsSimplex;
            holdUnbounded[i] = !bounded;
        }

        return anyBounded && anyUnbounded;
    }

    /// <summary>Optimizes with the parameters of <paramref name="held"/> at their values in <paramref name="start"/>; keeps the result only if it is better.</summary>
    private static OptimizationResult RunStage(FitProblem problem, double[] start, bool[] held, FitMethod method, in OptimizerSettings settings, out double[] next)
    {
        var transform = new ParameterTransform(problem.Infos, start, held);
        var objective = new ModelObjective(problem.Model, transform, method == FitMethod.FisherScoring ? CurvatureKind.Expected : CurvatureKind.Observed, settings.CancellationToken);
        double[] u = new double[transform.FreeCount];
        transform.ToUnconstrained(start, u);
        double before = objective.Value(u);
        OptimizationResult result = RunMethod(objective, method, [], [], u, settings, new Workspaces(u.Length));
        next = (double[])start.Clone();
        if (double.IsFinite(result.Value) && !(result.Value > before))
        {
            transform.ToNatural(u, next);
        }

        return result;
    }
}
