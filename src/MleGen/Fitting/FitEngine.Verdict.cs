using System;

namespace MleGen;

internal static partial class FitEngine
{
    /// <summary>The relative gradient a stall may leave and still count as convergence (√ of the default gradient tolerance 1e-8).</summary>
    private const double StallGradientTolerance = 1e-4;

    /// <summary>
    /// The decrease of f that the quadratic model may still predict at a stall counted as convergence, relative to
    /// max(1, |f|): far above the rounding level of a sum of many terms (1e-13), far below a statistically visible
    /// change (estimates within ~10⁻³ standard errors for |f| up to 10⁶).
    /// </summary>
    private const double StallDecrementTolerance = 1e-10;

    /// <summary>
    /// A stop on a negligible step or change of f is convergence only at a maximum: where the gradient is small
    /// (a looser test than the gradient test, as a stall at the optimum leaves it at rounding level), or, when the
    /// parameters' units make the gradient large there (covariates × 1e8), where the Newton decrement ½gᵀH⁻¹g,
    /// which does not depend on units, is negligible. Otherwise it is a stall: with more coefficients than
    /// observations (σ → 0) or a Gamma shape running off on equal data, searches stopped with |g| of 1e8–1e16 and
    /// had reported "converged". The decrement costs one gradient and one Hessian, only on such stops.
    /// </summary>
    private static OptimizationResult Verdict(OptimizationResult result, IObjective objective, double[] u, in OptimizerSettings settings, NewtonWorkspace workspace)
    {
        if (result.Status is not (OptimizationStatus.StepConverged or OptimizationStatus.FunctionConverged)
            || Vectors.GradientSmall(result.GradientNorm, result.Value, Math.Max(StallGradientTolerance, settings.GradientTolerance)))
        {
            return result;
        }

        return NewtonDecrement(objective, u, workspace, out double f) is double decrement && 0.5 * decrement <= StallDecrementTolerance * Math.Max(1, Math.Abs(f))
            ? result
            : result with { Status = OptimizationStatus.Stalled };
    }

    /// <summary>gᵀH⁻¹g at <paramref name="u"/> (through the unit-diagonal scaling of H), or null when H is not positive definite there.</summary>
    private static double? NewtonDecrement(IObjective objective, ReadOnlySpan<double> u, NewtonWorkspace workspace, out double f)
    {
        int n = u.Length;
        Span<double> g = workspace.Gradient;
        Span<double> h = workspace.Hessian;
        Span<double> scale = workspace.Scale;
        Span<double> z = workspace.ScaledStep;
        f = objective.ValueAndGradient(u, g);
        objective.Hessian(u, h);
        for (int i = 0; i < n; i++)
        {
            double d = h[(i * n) + i];
            if (!(d > 0) || !double.IsFinite(d))
            {
                return null;
            }

            scale[i] = 1 / Math.Sqrt(d);
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                h[(i * n) + j] *= scale[i] * scale[j];
            }

            z[i] = g[i] * scale[i];
        }

        if (!Cholesky.TryFactor(h, n, 0, workspace.Factor))
        {
            return null;
        }

        Span<double> solved = workspace.Direction;
        z.CopyTo(solved);
        Cholesky.Solve(workspace.Factor, n, solved);
        double decrement = Vectors.Dot(z, solved);
        return double.IsFinite(decrement) ? decrement : null;
    }
}
