using System;

namespace MleGen;

/// <summary>Runs an optimizer on a <see cref="FitProblem"/> in the unconstrained coordinates and maps the minimizer back.</summary>
internal static partial class FitEngine
{
    /// <summary>Minimizes NLL + negative log prior (with its L1 part) of <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="method">The requested method.</param>
    /// <param name="settings">Stopping rules, progress and cancellation.</param>
    /// <param name="nearOptimum">True when the start is next to the optimum (a profile's re-fit from its neighbour): no block warm start.</param>
    public static OptimizationOutcome Optimize(FitProblem problem, FitMethod method, in OptimizerSettings settings, bool nearOptimum = false)
    {
        return problem.Model.HasKinks && settings.MaxIterations > 0
            ? OptimizeThroughKinks(problem, settings)
            : OptimizeSmooth(problem, method, settings, warmStart: !nearOptimum);
    }

    private static OptimizationOutcome OptimizeSmooth(FitProblem problem, FitMethod method, in OptimizerSettings settings, bool warmStart = true)
    {
        IMleModel model = problem.Model;
        var transform = new ParameterTransform(problem.Infos, problem.Start, problem.IsFixed);
        int q = transform.FreeCount;
        double[] weights = new double[q];
        double[] centers = new double[q];
        bool hasL1 = CollectL1(problem, transform, weights, centers);
        method = Resolve(method, hasL1, model.ObservationCount, q, out string reason);

        // The joint search's objects first: nothing is allocated between the warm start's iterations and its.
        var objective = new ModelObjective(model, transform, method == FitMethod.FisherScoring ? CurvatureKind.Expected : CurvatureKind.Observed, settings.CancellationToken, problem.KinkSmoothing);
        double[] u = new double[q];
        var workspaces = new Workspaces(q);

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
        transform.ToUnconstrained(start, u);

        // The stall verdict judges a smooth objective's gradient; an L1 fit's own test is its KKT residual.
        OptimizationResult result = q == 0
            ? EvaluateOnly(objective, u)
            : method == FitMethod.OwlQn
                ? RunMethod(objective, method, weights, centers, u, joint, workspaces)
                : Verdict(RunMethod(objective, method, weights, centers, u, joint, workspaces), objective, u, joint, workspaces.Newton);
        result = result with { Iterations = result.Iterations + stageIterations, Evaluations = result.Evaluations + stageEvaluations };

        double[] theta = new double[problem.Infos.Length];
        transform.ToNatural(u, theta);
        settings.CancellationToken.ThrowIfCancellationRequested();
        return new OptimizationOutcome(theta, result, method, ObjectiveAt(model, theta, problem.KinkSmoothing), reason);
    }

    /// <summary>The method a smooth run uses for the requested one, and why.</summary>
    private static FitMethod Resolve(FitMethod requested, bool hasL1, int observations, int freeCount, out string reason)
    {
        if (hasL1)
        {
            reason = "an L1/Laplace penalty: orthant-wise L-BFGS, polished by Newton on the active set";
            return FitMethod.OwlQn;
        }

        switch (requested)
        {
            case FitMethod.Auto:
                return MethodChoice.Choose(observations, freeCount, out reason);
            case FitMethod.OwlQn:
                reason = "requested OWL-QN, but no parameter has an L1 penalty: L-BFGS";
                return FitMethod.Lbfgs;
            case FitMethod.Lbfgs or FitMethod.Newton or FitMethod.FisherScoring:
                reason = "requested";
                return requested;
            default:
                throw new ArgumentOutOfRangeException(nameof(requested), requested, "Unknown fit method.");
        }
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
                // OWL-QN finds the active set and signs; Newton on the active set takes the estimate to its KKT precision.
                // Beyond MethodChoice's limit dense Newton steps are too costly: OWL-QN's result stands, with its KKT residual.
                var activeSet = new ActiveSetObjective(objective, weights, centers);
                OptimizationResult orthantWise = OwlQn.Minimize(objective, weights, centers, u, settings, workspaces.Lbfgs);
                return u.Length <= MethodChoice.LargeParameterCount
                    ? ActiveSetNewton.Polish(activeSet, u, settings, orthantWise, workspaces.Newton)
                    : ActiveSetNewton.Unpolished(activeSet, u, orthantWise);
            case FitMethod.Auto:
                throw new ArgumentException("The automatic method is resolved before a run.", nameof(method));
            case FitMethod.Lbfgs:
                // L-BFGS gets half the budget: on a badly conditioned problem (NIST Bennett5) it crawls,
                // and the safeguarded Newton finish, invariant to the parameters' scales, does better.
                OptimizerSettings first = settings with { MaxIterations = Math.Min(settings.MaxIterations, Math.Max(1, settings.MaxIterations / 2)) };
                OptimizationResult result = Lbfgs.Minimize(objective, u, first, workspaces.Lbfgs);
                return FinishWithNewton(objective, u, settings, result, workspaces.Newton);
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown fit method.");
        }
    }

    /// <summary>NLL + smooth negative log prior + Σ wᵢ|θᵢ − cᵢ| at <paramref name="theta"/> (the model's kinks smoothed by <paramref name="kinkSmoothing"/>).</summary>
    public static double ObjectiveAt(IMleModel model, ReadOnlySpan<double> theta, double kinkSmoothing = 0)
    {
        double f = kinkSmoothing == 0 ? model.NegativeLogLikelihood(theta) : model.NegativeLogLikelihood(theta, Span<double>.Empty, kinkSmoothing);
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
