using System;

namespace MleGen;

/// <summary>Runs an optimizer on a <see cref="FitProblem"/> in the unconstrained coordinates and maps the minimizer back.</summary>
internal static class FitEngine
{
    /// <summary>Minimizes NLL + negative log prior (with its L1 part) of <paramref name="problem"/>.</summary>
    public static OptimizationOutcome Optimize(FitProblem problem, FitMethod method, in OptimizerSettings settings)
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

        var objective = new ModelObjective(model, transform, method == FitMethod.FisherScoring ? CurvatureKind.Expected : CurvatureKind.Observed);
        double[] u = new double[q];
        transform.ToUnconstrained(problem.Start, u);
        OptimizationResult result;
        if (q == 0)
        {
            double value = objective.Value(u);
            result = new OptimizationResult(double.IsFinite(value) ? OptimizationStatus.GradientConverged : OptimizationStatus.NonFiniteStart, 0, 1, value, 0);
        }
        else
        {
            result = method switch
            {
                FitMethod.Newton or FitMethod.FisherScoring => Newton.Minimize(objective, u, settings, new NewtonWorkspace(q)),
                FitMethod.OwlQn => OwlQn.Minimize(objective, weights, centers, u, settings, new LbfgsWorkspace(q)),
                _ => Lbfgs.Minimize(objective, u, settings, new LbfgsWorkspace(q)),
            };

            if (method == FitMethod.Lbfgs && NeedsRefinement(result.Status) && result.Iterations < settings.MaxIterations)
            {
                // L-BFGS stalled before its gradient test (a relative-change or step test on a badly
                // scaled problem): finish with safeguarded Newton on the exact observed information,
                // which every model provides and which is invariant to the parameters' scales.
                OptimizerSettings rest = settings with { MaxIterations = settings.MaxIterations - result.Iterations, IterationOffset = result.Iterations };
                OptimizationResult polish = Newton.Minimize(objective, u, rest, new NewtonWorkspace(q));
                result = polish with { Iterations = result.Iterations + polish.Iterations, Evaluations = result.Evaluations + polish.Evaluations };
            }
        }

        double[] theta = new double[problem.Infos.Length];
        transform.ToNatural(u, theta);
        return new OptimizationOutcome(theta, result, method, ObjectiveAt(model, theta));
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

    private static bool NeedsRefinement(OptimizationStatus status) =>
        status is OptimizationStatus.FunctionConverged or OptimizationStatus.StepConverged or OptimizationStatus.LineSearchFailed;

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
