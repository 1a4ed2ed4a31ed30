using System;

namespace MleGen;

/// <summary>Runs an optimizer on a <see cref="FitProblem"/> in the unconstrained coordinates and maps the minimizer back.</summary>
internal static class FitEngine
{
    /// <summary>
    /// The continuation's ε are 10^0, 10^−1, …, 10^−LastKinkSmoothingExponent: the first is Huber-like on
    /// standardized residuals, and at the last the smoothed minimizer is within ~ε·scale of the kinked one.
    /// </summary>
    private const int LastKinkSmoothingExponent = 11;

    /// <summary>Minimizes NLL + negative log prior (with its L1 part) of <paramref name="problem"/>.</summary>
    public static OptimizationOutcome Optimize(FitProblem problem, FitMethod method, in OptimizerSettings settings)
    {
        IMleModel model = problem.Model;
        if (!model.HasKinks || settings.MaxIterations == 0)
        {
            return OptimizeSmooth(problem, method, settings);
        }

        // A likelihood with kinks (Laplace: the maximum sits where residuals are exactly 0) defeats
        // gradient tests and quasi-Newton curvature. Solve a sequence of smoothed problems, each from the
        // last one's solution, with ε → 0: Newton on the smoothed likelihood carries the kinks' curvature
        // 1/ε, so each stage takes a few steps, and the last one is within ~ε of the kinked optimum.
        FitProblem current = problem;
        OptimizationOutcome? outcome = null;
        int iterations = 0, evaluations = 0;
        try
        {
            for (int exponent = 0; exponent <= LastKinkSmoothingExponent; exponent++)
            {
                // The stages share the iteration budget, each getting at least one iteration, so the
                // estimate reported is always that of the least smoothed problem (and a spent budget
                // shows as the last stage's iteration limit: not converged).
                model.KinkSmoothing = Math.Pow(10, -exponent);
                OptimizerSettings stage = settings with
                {
                    MaxIterations = Math.Max(1, settings.MaxIterations - iterations),
                    IterationOffset = settings.IterationOffset + iterations,
                };
                outcome = OptimizeSmooth(current, FitMethod.Newton, stage, warmStart: outcome is null);
                iterations += outcome.Result.Iterations;
                evaluations += outcome.Result.Evaluations;
                current = current.WithStart(outcome.Theta);
            }
        }
        finally
        {
            model.KinkSmoothing = 0;
        }

        OptimizationResult last = outcome!.Result;
        return new OptimizationOutcome(
            outcome.Theta,
            last with { Iterations = iterations, Evaluations = evaluations, Value = ObjectiveAt(model, outcome.Theta) },
            FitMethod.Newton,
            ObjectiveAt(model, outcome.Theta),
            ThroughKinks: true);
    }

    private static OptimizationOutcome OptimizeSmooth(FitProblem problem, FitMethod method, in OptimizerSettings settings, bool warmStart = true)
    {
        IMleModel model = problem.Model;
        var transform = new ParameterTransform(problem.Infos, problem.Start, problem.IsFixed);
        int q = transform.FreeCount;
        double[] weights = new double[q];
        double[] centers = new double[q];
        bool hasL1 = CollectL1(problem, transform, weights, centers);
        if (hasL1)
        {
            method = FitMethod.OwlQn;
        }
        else if (method == FitMethod.OwlQn)
        {
            method = FitMethod.Lbfgs;
        }

        double[] start = problem.Start;
        int stageIterations = 0, stageEvaluations = 0;
        if (warmStart && method is FitMethod.Newton or FitMethod.FisherScoring && q > 0 && settings.MaxIterations > 1 && SplitBounded(problem, out bool[] holdUnbounded, out bool[] holdBounded))
        {
            // (Newton methods only: each of their steps is costly and a wild first step is what sends
            // them into the wrong basin; L-BFGS's line search is cautious already, and on a mixture
            // the extra rounds cost it 4× the iterations.)
            // Block relaxation before the joint search: scales, shapes, dispersions and weights (the
            // bounded parameters) first, with the others at their start; then the others with those
            // held. A scale that starts far from the data's (σ = 1 for residuals of 0.005) otherwise
            // dominates the objective and the first steps of the joint search, which then wander into
            // the wrong basin; with the scale held, a Gaussian model's search is plain least squares.
            // Alternate: the second block's gradient test is relative to a scale still far from the
            // data's, so it stops early; a few rounds bring both blocks near the joint optimum.
            int budget = Math.Max(1, settings.MaxIterations / 2);
            for (int round = 0; round < WarmStartRounds && stageIterations < budget; round++)
            {
                OptimizerSettings warm = settings with { MaxIterations = Math.Max(1, Math.Min(WarmStartIterations, budget - stageIterations)), IterationOffset = settings.IterationOffset + stageIterations };
                OptimizationResult first = RunStage(problem, start, holdUnbounded, FitMethod.Newton, warm, out start);
                stageIterations += first.Iterations;
                stageEvaluations += first.Evaluations;
                if (stageIterations >= budget)
                {
                    break;
                }

                OptimizerSettings block = settings with
                {
                    MaxIterations = budget - stageIterations,
                    IterationOffset = settings.IterationOffset + stageIterations,
                };
                OptimizationResult second = RunStage(problem, start, holdBounded, method, block, out start);
                stageIterations += second.Iterations;
                stageEvaluations += second.Evaluations;
                if (first.Iterations + second.Iterations <= 2)
                {
                    break;
                }
            }
        }

        OptimizerSettings joint = settings with
        {
            MaxIterations = stageIterations == 0 ? settings.MaxIterations : Math.Max(1, settings.MaxIterations - stageIterations),
            IterationOffset = settings.IterationOffset + stageIterations,
        };
        var objective = new ModelObjective(model, transform, method == FitMethod.FisherScoring ? CurvatureKind.Expected : CurvatureKind.Observed);
        double[] u = new double[q];
        transform.ToUnconstrained(start, u);
        OptimizationResult result = q == 0
            ? EvaluateOnly(objective, u)
            : RunMethod(objective, method, weights, centers, u, joint, new Workspaces(q));
        result = result with { Iterations = result.Iterations + stageIterations, Evaluations = result.Evaluations + stageEvaluations };

        double[] theta = new double[problem.Infos.Length];
        transform.ToNatural(u, theta);
        return new OptimizationOutcome(theta, result, method, ObjectiveAt(model, theta));
    }

    /// <summary>Rounds of the block warm start (bounded parameters, then the others).</summary>
    private const int WarmStartRounds = 4;

    /// <summary>Iterations allowed to the warm start of the bounded parameters.</summary>
    private const int WarmStartIterations = 50;

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
        var objective = new ModelObjective(problem.Model, transform, method == FitMethod.FisherScoring ? CurvatureKind.Expected : CurvatureKind.Observed);
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

    private static OptimizationResult EvaluateOnly(IObjective objective, double[] u)
    {
        double value = objective.Value(u);
        return new OptimizationResult(double.IsFinite(value) ? OptimizationStatus.GradientConverged : OptimizationStatus.NonFiniteStart, 0, 1, value, 0);
    }

    /// <summary>
    /// The work arrays of one optimizer run, allocated before it starts, so the run itself (including
    /// L-BFGS's Newton finish) allocates nothing.
    /// </summary>
    private sealed class Workspaces(int dimension)
    {
        public NewtonWorkspace Newton { get; } = new(dimension);

        public LbfgsWorkspace Lbfgs { get; } = new(dimension);
    }

    private static OptimizationResult RunMethod(IObjective objective, FitMethod method, double[] weights, double[] centers, double[] u, in OptimizerSettings settings, Workspaces workspaces)
    {
        switch (method)
        {
            case FitMethod.Newton or FitMethod.FisherScoring:
                return Newton.Minimize(objective, u, settings, workspaces.Newton);
            case FitMethod.OwlQn:
                return OwlQn.Minimize(objective, weights, centers, u, settings, workspaces.Lbfgs);
            default:
                // L-BFGS gets half the budget: on a badly conditioned problem (NIST Bennett5) it crawls,
                // and the safeguarded Newton finish, invariant to the parameters' scales, does better.
                OptimizerSettings first = settings with { MaxIterations = Math.Min(settings.MaxIterations, Math.Max(1, settings.MaxIterations / 2)) };
                OptimizationResult result = Lbfgs.Minimize(objective, u, first, workspaces.Lbfgs);
                return FinishWithNewton(objective, u, settings, result, workspaces.Newton);
        }
    }

    /// <summary>NLL + smooth negative log prior + Σ wᵢ|θᵢ − cᵢ| at <paramref name="theta"/>.</summary>
    public static double ObjectiveAt(IMleModel model, ReadOnlySpan<double> theta)
    {
        double f = model.NegativeLogLikelihood(theta);
        if (model.HasPrior)
        {
            f += model.NegativeLogPrior(theta, Span<double>.Empty);
        }

        for (int i = 0; i < theta.Length; i++)
        {
            L1Penalty penalty = model.GetL1Penalty(i);
            if (penalty.Weight > 0)
            {
                f += penalty.Weight * Math.Abs(theta[i] - penalty.Center);
            }
        }

        return f;
    }

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

    private static bool CollectL1(FitProblem problem, ParameterTransform transform, Span<double> weights, Span<double> centers)
    {
        bool any = false;
        for (int i = 0; i < problem.Infos.Length; i++)
        {
            L1Penalty penalty = problem.Model.GetL1Penalty(i);
            if (!(penalty.Weight > 0) || problem.IsFixed[i])
            {
                continue;
            }

            if (transform.KindOf(i) != TransformKind.Identity)
            {
                throw new NotSupportedException($"{problem.Infos[i].Name}: an L1/Laplace penalty is supported only on unbounded parameters.");
            }

            int j = transform.FreeIndexOf(i);
            weights[j] = penalty.Weight;
            centers[j] = penalty.Center;
            any = true;
        }

        return any;
    }
}
