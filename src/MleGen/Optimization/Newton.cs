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

    /// <summary>
    /// A step is accepted when the actual decrease is at least this fraction of the decrease the
    /// (modified) quadratic model predicts, α(1 − α/2)(−gᵀd): the acceptance test of a trust region,
    /// which stops step halving from accepting a wild step that merely decreases f a little.
    /// </summary>
    private const double MinModelAgreement = 0.1;

    /// <summary>
    /// Relative changes of f below this are treated as rounding noise: a log-likelihood summed over
    /// many observations, with residuals divided by a small scale, carries errors of this order (a
    /// step inside the noise is accepted when it reduces the gradient).
    /// </summary>
    private const double RoundingLevel = 1e-11;

    /// <summary>The longest step (relative to max(1, ‖x‖∞)) taken when the Hessian had to be modified: a factor e² on a log-scale coordinate.</summary>
    private const double MaxUntrustedStep = 2;

    /// <summary>
    /// H ← S H S with S = diag(|Hᵢᵢ|^−½) (floored at 1e-12 of the largest), so the shift τI of the
    /// modified Cholesky acts as τ·diag(H) (Marquardt's scaling) and the safeguard does not depend on
    /// the parameters' units.
    /// </summary>
    private static void ScaleToUnitDiagonal(Span<double> h, int n, Span<double> scale)
    {
        double largest = 0;
        for (int i = 0; i < n; i++)
        {
            largest = Math.Max(largest, Math.Abs(h[(i * n) + i]));
        }

        for (int i = 0; i < n; i++)
        {
            double diagonal = Math.Max(Math.Abs(h[(i * n) + i]), 1e-12 * largest);
            scale[i] = diagonal > 0 && double.IsFinite(diagonal) ? 1 / Math.Sqrt(diagonal) : 1;
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                h[(i * n) + j] *= scale[i] * scale[j];
            }
        }
    }

    private static bool Acceptable(double f, double fNew, double alpha, double slope) =>
        double.IsFinite(fNew) && f - fNew >= MinModelAgreement * alpha * (1 - (0.5 * alpha)) * -slope;

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
        Span<double> scale = workspace.Scale;

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
            ScaleToUnitDiagonal(h, n, scale);
            double tau = ModifiedCholesky.Factor(h, n, l);
            if (tau > 0 && objective.HasFallbackHessian)
            {
                // Indefinite: take a Fisher-scoring step instead (its matrix is positive semi-definite).
                objective.FallbackHessian(x, h);
                ScaleToUnitDiagonal(h, n, scale);
                tau = ModifiedCholesky.Factor(h, n, l);
            }
            for (int i = 0; i < n; i++)
            {
                d[i] = -g[i] * scale[i];
            }

            ModifiedCholesky.Solve(l, n, d);
            for (int i = 0; i < n; i++)
            {
                d[i] *= scale[i];
            }
            if (tau > 0)
            {
                // The quadratic model was not convex, so its step is not to be trusted far:
                // cap it at MaxUntrustedStep·max(1, ‖x‖∞) (a crude trust region).
                double limit = MaxUntrustedStep * Math.Max(1, Vectors.InfNorm(x));
                double length = Vectors.InfNorm(d);
                if (length > limit)
                {
                    for (int i = 0; i < n; i++)
                    {
                        d[i] *= limit / length;
                    }
                }
            }

            double slope = Vectors.Dot(g, d);

            double alpha = 1, fNew = double.NaN;
            double gNormOld = gNorm;
            bool accepted = false;
            for (int k = 0; k < MaxHalvings; k++, alpha *= 0.5)
            {
                Vectors.AddScaled(x, alpha, d, xNew);
                fNew = objective.ValueAndGradient(xNew, gNew);
                evaluations++;
                if (Acceptable(f, fNew, alpha, slope) || (Vectors.ChangeSmall(f, fNew, RoundingLevel) && Vectors.InfNorm(gNew) < gNormOld))
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
            settings.Progress?.Report(new FitProgress(settings.IterationOffset + iteration, f, gNorm));

            if (Vectors.GradientSmall(gNorm, f, settings.GradientTolerance))
            {
                return new OptimizationResult(OptimizationStatus.GradientConverged, iteration, evaluations, f, gNorm);
            }

            // A small change means "near the optimum" only when the quadratic model was trusted (τ = 0).
            if (tau == 0 && Vectors.ChangeSmall(fOld, f, settings.FunctionTolerance))
            {
                return new OptimizationResult(OptimizationStatus.FunctionConverged, iteration, evaluations, f, gNorm);
            }

            if (tau == 0 && stepSmall)
            {
                return new OptimizationResult(OptimizationStatus.StepConverged, iteration, evaluations, f, gNorm);
            }
        }

        return new OptimizationResult(OptimizationStatus.MaxIterations, settings.MaxIterations, evaluations, f, gNorm);
    }
}
