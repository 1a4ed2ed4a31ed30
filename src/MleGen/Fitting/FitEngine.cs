using System;

namespace MleGen;

/// <summary>Runs an optimizer on a <see cref="FitProblem"/> in the unconstrained coordinates and maps the minimizer back.</summary>
internal static partial class FitEngine
{
    /// <summary>Minimizes NLL + negative log prior (with its L1 part) of <paramref name="problem"/>.</summary>
    public static OptimizationOutcome Optimize(FitProblem problem, FitMethod method, in OptimizerSettings settings)
    {
        return problem.Model.HasKinks && settings.MaxIterations > 0
            ? OptimizeThroughKinks(problem, settings)
            : OptimizeSmooth(problem, method, settings);
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

        // Newton methods only: each of their steps is costly and a wild first step is what sends them into
        // the wrong basin; L-BFGS's line search is cautious already (on a mixture the rounds cost it 4×).
        int stageIterations = 0, stageEvaluations = 0;
        double[] start = warmStart && method is FitMethod.Newton or FitMethod.FisherScoring && q > 0
            ? WarmStartInBlocks(problem, method, settings, out stageIterations, out stageEvaluations)
            : problem.Start;

        OptimizerSettings joint = settings with
        {
            MaxIterations = stageIterations == 0 ? settings.MaxIterations : Math.Max(1, settings.MaxIterations - stageIterations),
            IterationOffset = settings.IterationOffset + stageIterations,
        };
        var objective = new ModelObjective(model, transform, method == FitMethod.FisherScoring ? CurvatureKind.Expected : CurvatureKind.Observed, settings.CancellationToken);
        double[] u = new double[q];
        transform.ToUnconstrained(start, u);
        var workspaces = new Workspaces(q);
        OptimizationResult result = q == 0
            ? EvaluateOnly(objective, u)
            : Verdict(RunMethod(objective, method, weights, centers, u, joint, workspaces), objective, u, joint, workspaces.Newton);
        result = result with { Iterations = result.Iterations + stageIterations, Evaluations = result.Evaluations + stageEvaluations };

        double[] theta = new double[problem.Infos.Length];
        transform.ToNatural(u, theta);
        settings.CancellationToken.ThrowIfCancellationRequested();
        return new OptimizationOutcome(theta, result, method, ObjectiveAt(model, theta));
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
