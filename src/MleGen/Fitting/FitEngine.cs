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

            if (method == FitMethod.Lbfgs && result.Iterations < settings.MaxIterations)
            {
                result = FinishWithNewton(objective, u, settings, result);
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

    /// <summary>
    /// L-BFGS's gradient test, relative to |f|, leaves estimates of weakly determined coefficients
    /// correct to only a few digits; a couple of Newton steps on the exact observed information (which
    /// every model provides) make them accurate to rounding, so L-BFGS and Newton fits agree.
    /// </summary>
    private const double PolishFactor = 1e-4;

    /// <summary>Newton iterations allowed to polish a converged L-BFGS fit (it needs one or two).</summary>
    private const int PolishIterations = 10;

    private static OptimizationResult FinishWithNewton(IObjective objective, double[] u, in OptimizerSettings settings, OptimizationResult result)
    {
        int remaining = settings.MaxIterations - result.Iterations;
        if (NeedsRefinement(result.Status))
        {
            // L-BFGS stalled before its gradient test (a relative-change or step test on a badly
            // scaled problem): finish with safeguarded Newton, which is invariant to the parameters' scales.
            OptimizerSettings rest = settings with { MaxIterations = remaining, IterationOffset = result.Iterations };
            OptimizationResult finish = Newton.Minimize(objective, u, rest, new NewtonWorkspace(u.Length));
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
            IterationOffset = result.Iterations,
        };
        OptimizationResult polished = Newton.Minimize(objective, u, polish, new NewtonWorkspace(u.Length));
        return polished.Value <= result.Value
            ? result with { Iterations = result.Iterations + polished.Iterations, Evaluations = result.Evaluations + polished.Evaluations, Value = polished.Value, GradientNorm = polished.GradientNorm }
            : result;
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
