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
    /// of the iteration budget. Both blocks' objectives and work arrays are made before the first round, so
    /// the rounds allocate nothing between iterations.
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
        if (settings.MaxIterations <= 1 || !SplitBounded(problem, out bool[] holdUnbounded, out bool[] holdBounded))
        {
            return problem.Start;
        }

        double[] current = (double[])problem.Start.Clone();
        var boundedBlock = new BlockStage(problem, holdUnbounded, FitMethod.Newton, settings.CancellationToken);
        var otherBlock = new BlockStage(problem, holdBounded, method, settings.CancellationToken);
        int budget = settings.MaxIterations / 2;
        for (int round = 0; round < WarmStartRounds && iterations < budget; round++)
        {
            OptimizerSettings bounded = settings with
            {
                MaxIterations = Math.Min(WarmStartIterations, budget - iterations),
                IterationOffset = settings.IterationOffset + iterations,
            };
            OptimizationResult first = boundedBlock.Run(current, bounded);
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
            OptimizationResult second = otherBlock.Run(current, others);
            iterations += second.Iterations;
            evaluations += second.Evaluations;
            if (first.Iterations + second.Iterations <= 2)
            {
                break;
            }
        }

        return current;
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
            // A whole simplex cannot be held (ParameterTransform holds at most one member of each): its
            // weights stay free in the second block, beside the unbounded parameters.
            holdBounded[i] = bounded && !problem.Infos[i].IsSimplex;
            holdUnbounded[i] = !bounded;
        }

        return anyBounded && anyUnbounded;
    }

    /// <summary>One block of the warm start: the objective over the block's parameters with the others held, and its work arrays.</summary>
    private sealed class BlockStage
    {
        private readonly ParameterTransform _transform;
        private readonly ModelObjective _objective;
        private readonly FitMethod _method;
        private readonly double[] _u;
        private readonly Workspaces _workspaces;

        public BlockStage(FitProblem problem, bool[] held, FitMethod method, System.Threading.CancellationToken cancellationToken)
        {
            _transform = new ParameterTransform(problem.Infos, problem.Start, held);
            _objective = new ModelObjective(problem.Model, _transform, method == FitMethod.FisherScoring ? CurvatureKind.Expected : CurvatureKind.Observed, cancellationToken, problem.KinkSmoothing);
            _method = method;
            _u = new double[_transform.FreeCount];
            _workspaces = new Workspaces(_u.Length);
        }

        /// <summary>Optimizes the block from <paramref name="current"/> with the others held there; keeps the result in <paramref name="current"/> only if it is better.</summary>
        public OptimizationResult Run(double[] current, in OptimizerSettings settings)
        {
            _transform.HoldAt(current);
            _transform.ToUnconstrained(current, _u);
            double before = _objective.Value(_u);
            OptimizationResult result = RunMethod(_objective, _method, [], [], _u, settings, _workspaces);
            if (double.IsFinite(result.Value) && !(result.Value > before))
            {
                _transform.ToNatural(_u, current);
            }

            return result;
        }
    }
}
