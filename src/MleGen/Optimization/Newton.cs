using System;

namespace MleGen;

/// <summary>
/// Safeguarded Newton's method: the direction solves (H + τI) d = −g with τ from
/// <see cref="ModifiedCholesky"/>, and the step is halved until the Armijo condition holds.
/// Given the expected information as <see cref="IObjective.Hessian"/> it is Fisher scoring.
/// </summary>
internal static class Newton
{
    private const int MaxHalvings = 60;

    /// <summary>Minimizes <paramref name="objective"/> (which must have a Hessian) from <paramref name="x"/>.</summary>
    public static OptimizationResult Minimize(IObjective objective, Span<double> x, in OptimizerSettings settings, NewtonWorkspace workspace)
    {
        int n = x.Length;
        if (!objective.HasHessian)
        {
            throw new ArgumentException("Newton's method needs an objective with a Hessian.", nameof(objective));
        }

        Span<double> g = workspace.Gradient;
        Span<double> d = workspace.Direction;
        Span<double> xNew = workspace.XNew;
        Span<double> gNew = workspace.GradientNew;
        Span<double> h = workspace.Hessian;
        Span<double> l = workspace.Factor;

        double f = objective.ValueAndGradient(x, g);
        int evaluations = 1;
        double gNorm = Vectors.InfNorm(g);
        if (!double.IsFinite(f) || !double.IsFinite(gNorm))
        {
            return new OptimizationResult(OptimizationStatus.NonFiniteStart, 0, evaluations, f, gNorm);
        }

        if (Vectors.GradientSmall(gNorm, f, settings.GradientTolerance))
        {
            return new OptimizationResult(OptimizationStatus.GradientConverged, 0, evaluations, f, gNorm);
        }

        for (int iteration = 1; iteration <= settings.MaxIterations; iteration++)
        {
            settings.CancellationToken.ThrowIfCancellationRequested();
            objective.Hessian(x, h);
            ModifiedCholesky.Factor(h, n, l);
            for (int i = 0; i < n; i++)
            {
                d[i] = -g[i];
            }

            ModifiedCholesky.Solve(l, n, d);
            double slope = Vectors.Dot(g, d);

            double alpha = 1, fNew = double.NaN;
            bool accepted = false;
            for (int k = 0; k < MaxHalvings; k++, alpha *= 0.5)
            {
                Vectors.AddScaled(x, alpha, d, xNew);
                fNew = objective.ValueAndGradient(xNew, gNew);
                evaluations++;
                if (double.IsFinite(fNew) && fNew <= f + (StrongWolfeLineSearch.C1 * alpha * slope))
                {
                    accepted = true;
                    break;
                }
            }

            if (!accepted)
            {
                return new OptimizationResult(OptimizationStatus.LineSearchFailed, iteration, evaluations, f, gNorm);
            }

            double fOld = f;
            bool stepSmall = Vectors.StepSmall(x, xNew);
            xNew.CopyTo(x);
            gNew.CopyTo(g);
            f = fNew;
            gNorm = Vectors.InfNorm(g);
            settings.Progress?.Report(new FitProgress(iteration, f, gNorm));

            if (Vectors.GradientSmall(gNorm, f, settings.GradientTolerance))
            {
                return new OptimizationResult(OptimizationStatus.GradientConverged, iteration, evaluations, f, gNorm);
            }

            if (Vectors.ChangeSmall(fOld, f, settings.FunctionTolerance))
            {
                return new OptimizationResult(OptimizationStatus.FunctionConverged, iteration, evaluations, f, gNorm);
            }

            if (stepSmall)
            {
                return new OptimizationResult(OptimizationStatus.StepConverged, iteration, evaluations, f, gNorm);
            }
        }

        return new OptimizationResult(OptimizationStatus.MaxIterations, settings.MaxIterations, evaluations, f, gNorm);
    }
}
