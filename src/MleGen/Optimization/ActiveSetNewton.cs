using System;

namespace MleGen;

/// <summary>
/// Finishes an L1 problem F = f + Σ wᵢ|xᵢ − cᵢ| from OWL-QN's point to the precision of its optimality
/// (KKT) conditions: projected Newton on the active set (<see cref="ActiveSetObjective"/>: the nonzero
/// penalized coordinates confined to their side of the kink, the zeros held exactly at their kinks, the
/// unpenalized ones free). Each step solves the exact Newton system of the free coordinates, is cut at
/// the first kink it would cross (that coordinate is then held there: the active-set method's ratio
/// test) and backtracks until F decreases. When the free coordinates' gradient vanishes, a held
/// coordinate whose |∂f/∂xᵢ| exceeds wᵢ is released towards the side its gradient points to. OWL-QN's
/// quasi-Newton model and orthant projections stop it at a few digits on badly scaled problems (raw
/// covariates: relative errors of 1e-4 on a lasso logistic regression); Newton on the exact Hessian
/// takes those to rounding in a few steps, keeping the zeros exact.
/// </summary>
internal static class ActiveSetNewton
{
    /// <summary>
    /// The KKT tolerance, relative to each weight: |∂f/∂xᵢ + wᵢ·sign| ≤ tol·wᵢ on a nonzero penalized
    /// coordinate, |∂f/∂xᵢ| ≤ (1 + tol)·wᵢ on a zero; |∂f/∂xᵢ| ≤ tol·max(1, |F|) on an unpenalized one.
    /// Newton on the active set reaches ~1e-13; 1e-9 leaves room for the rounding of f's sum.
    /// </summary>
    public const double KktTolerance = 1e-9;

    /// <summary>The polish stops below this KKT residual (Newton converges quadratically: one more step costs little).</summary>
    private const double TargetResidual = 1e-12;

    /// <summary>F's relative rounding level (a sum over many observations): the polished point is kept unless F rose beyond it.</summary>
    private const double RoundingLevel = 1e-11;

    /// <summary>Sufficient-decrease constant of the backtracking (Armijo; as OWL-QN's).</summary>
    private const double Armijo = 1e-4;

    /// <summary>Step halvings before a step is given up.</summary>
    private const int MaxHalvings = 50;

    /// <summary>The first shift of an indefinite Hessian, relative to its unit diagonal after scaling.</summary>
    private const double FirstShift = 1e-8;

    /// <summary>Polishes <paramref name="x"/> (OWL-QN's minimizer) in place and returns the combined report with its KKT residual.</summary>
    /// <param name="objective">The active-set objective over the smooth part (its scratch arrays are used).</param>
    /// <param name="x">OWL-QN's minimizer; the polished one on return (or unchanged if the polish did not lower F).</param>
    /// <param name="settings">The fit's settings (the polish shares the iteration budget with OWL-QN).</param>
    /// <param name="owlQn">OWL-QN's report.</param>
    /// <param name="workspace">Newton's work arrays (for the Hessian, its factor and the steps).</param>
    public static OptimizationResult Polish(ActiveSetObjective objective, Span<double> x, in OptimizerSettings settings, OptimizationResult owlQn, NewtonWorkspace workspace)
    {
        int budget = settings.MaxIterations - owlQn.Iterations;
        if (owlQn.Status == OptimizationStatus.NonFiniteStart || budget <= 0 || !objective.HasHessian)
        {
            return Report(objective, x, owlQn, 0, 0, polished: false);
        }

        int n = x.Length, iterations = 0, evaluations = 1;
        Span<double> smoothGradient = objective.Gradient;
        Span<double> saved = objective.Saved;
        Span<double> r = workspace.Gradient;
        Span<double> h = workspace.Hessian;
        Span<double> factor = workspace.Factor;
        Span<double> d = workspace.Direction;
        Span<double> xNew = workspace.XNew;
        Span<double> rNew = workspace.GradientNew;
        Span<double> scale = workspace.Scale;

        x.CopyTo(saved);
        double before = objective.PenalizedValueAndSmoothGradient(x, smoothGradient);
        objective.SetFrom(x);
        double f = objective.ValueAndGradient(x, r);
        while (iterations < budget)
        {
            settings.CancellationToken.ThrowIfCancellationRequested();
            if (FreeResidual(objective, r, f) <= TargetResidual)
            {
                // The free coordinates are optimal: release the held one that most violates |∂f/∂xᵢ| ≤ wᵢ, if any.
                evaluations++;
                if (!ReleaseWorst(objective, x, smoothGradient))
                {
                    break;
                }

                f = objective.ValueAndGradient(x, r);
                evaluations++;
                continue;
            }

            // The Newton direction of the free coordinates (held rows decoupled, their gradient 0), on the unit-diagonal scaling.
            objective.Hessian(x, h);
            if (!Direction(h, n, r, scale, factor, d))
            {
                break;
            }

            // Ratio test: the first kink the step crosses, if within a unit step.
            double maxStep = 1;
            int kink = -1;
            ReadOnlySpan<double> w = objective.Weights, c = objective.Centers, s = objective.Signs;
            for (int i = 0; i < n; i++)
            {
                if (w[i] > 0 && s[i] != 0 && d[i] * s[i] < 0)
                {
                    double distance = (x[i] - c[i]) / -d[i];
                    if (distance < maxStep)
                    {
                        maxStep = distance;
                        kink = i;
                    }
                }
            }

            double slope = Vectors.Dot(r, d);
            double step = maxStep, fNew = double.NaN;
            bool accepted = false, atKink = kink >= 0;
            for (int k = 0; k < MaxHalvings && !accepted; k++)
            {
                Vectors.AddScaled(x, step, d, xNew);
                if (atKink)
                {
                    xNew[kink] = c[kink];
                }

                fNew = objective.ValueAndGradient(xNew, rNew);
                evaluations++;
                accepted = double.IsFinite(fNew) && fNew <= f + (Armijo * step * slope);
                if (!accepted)
                {
                    step *= 0.5;
                    atKink = false;
                }
            }

            if (!accepted)
            {
                break;
            }

            iterations++;
            bool progress = fNew < f || !Vectors.StepSmall(x, xNew);
            xNew.CopyTo(x);
            if (atKink)
            {
                objective.Hold(kink);
                fNew = objective.ValueAndGradient(x, rNew);
                evaluations++;
            }

            rNew.CopyTo(r);
            f = fNew;
            settings.Progress?.Report(new FitProgress(settings.IterationOffset + owlQn.Iterations + iterations, f, Vectors.InfNorm(r)));
            if (!progress && !atKink)
            {
                break;
            }
        }

        double after = objective.PenalizedValueAndSmoothGradient(x, smoothGradient);
        evaluations++;
        if (!(after <= before + (RoundingLevel * Math.Max(1, Math.Abs(before)))))
        {
            // Never worse than OWL-QN's point.
            saved.CopyTo(x);
        }

        return Report(objective, x, owlQn, iterations, evaluations, polished: true);
    }

    /// <summary>OWL-QN's report with the KKT residual of its point, unpolished (too many parameters for dense Newton steps); its status stands.</summary>
    public static OptimizationResult Unpolished(ActiveSetObjective objective, ReadOnlySpan<double> x, OptimizationResult owlQn) =>
        Report(objective, x, owlQn, 0, 0, polished: false);

    /// <summary>
    /// The KKT residual of F = f + Σ wᵢ|xᵢ − cᵢ| at <paramref name="x"/> with f's gradient <paramref name="g"/>: the largest
    /// relative violation (see <see cref="KktTolerance"/>).
    /// </summary>
    public static double KktResidual(ReadOnlySpan<double> x, ReadOnlySpan<double> g, ReadOnlySpan<double> weights, ReadOnlySpan<double> centers, double value)
    {
        double residual = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double w = weights[i];
            double r = w > 0
                ? (x[i] != centers[i] ? Math.Abs(g[i] + (w * Math.Sign(x[i] - centers[i]))) / w : Math.Max(0, Math.Abs(g[i]) - w) / w)
                : Math.Abs(g[i]) / Math.Max(1, Math.Abs(value));
            residual = Math.Max(residual, double.IsNaN(r) ? double.PositiveInfinity : r);
        }

        return residual;
    }

    /// <summary>The KKT residual of the free coordinates from the active-set gradient <paramref name="r"/> (held ones have r = 0).</summary>
    private static double FreeResidual(ActiveSetObjective objective, ReadOnlySpan<double> r, double value)
    {
        double residual = 0;
        for (int i = 0; i < r.Length; i++)
        {
            double w = objective.Weights[i];
            residual = Math.Max(residual, Math.Abs(r[i]) / (w > 0 ? w : Math.Max(1, Math.Abs(value))));
        }

        return double.IsNaN(residual) ? double.PositiveInfinity : residual;
    }

    /// <summary>Releases the held coordinate with the largest |∂f/∂xᵢ| − wᵢ &gt; KktTolerance·wᵢ, towards −sign ∂f/∂xᵢ; false when none.</summary>
    private static bool ReleaseWorst(ActiveSetObjective objective, ReadOnlySpan<double> x, Span<double> smoothGradient)
    {
        objective.PenalizedValueAndSmoothGradient(x, smoothGradient);
        int worst = -1;
        double largest = KktTolerance;
        for (int i = 0; i < x.Length; i++)
        {
            if (objective.IsHeld(i))
            {
                double excess = (Math.Abs(smoothGradient[i]) - objective.Weights[i]) / objective.Weights[i];
                if (excess > largest)
                {
                    largest = excess;
                    worst = i;
                }
            }
        }

        if (worst >= 0)
        {
            objective.Release(worst, -Math.Sign(smoothGradient[worst]));
        }

        return worst >= 0;
    }

    /// <summary>
    /// d = −H⁻¹r on the unit-diagonal scaling of H (shifted by a growing multiple of I where it is not positive definite);
    /// false when no shift makes it factor or the step is not finite.
    /// </summary>
    private static bool Direction(Span<double> h, int n, ReadOnlySpan<double> r, Span<double> scale, Span<double> factor, Span<double> d)
    {
        for (int i = 0; i < n; i++)
        {
            double diagonal = h[(i * n) + i];
            scale[i] = diagonal > 0 && double.IsFinite(diagonal) ? 1 / Math.Sqrt(diagonal) : 1;
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                h[(i * n) + j] *= scale[i] * scale[j];
            }
        }

        double shift = 0;
        while (!Cholesky.TryFactor(h, n, shift, factor))
        {
            shift = shift == 0 ? FirstShift : shift * 10;
            if (shift > 1)
            {
                return false;
            }
        }

        for (int i = 0; i < n; i++)
        {
            d[i] = -r[i] * scale[i];
        }

        Cholesky.Solve(factor, n, d);
        for (int i = 0; i < n; i++)
        {
            d[i] *= scale[i];
            if (!double.IsFinite(d[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static OptimizationResult Report(ActiveSetObjective objective, ReadOnlySpan<double> x, OptimizationResult owlQn, int iterations, int evaluations, bool polished)
    {
        Span<double> g = objective.Gradient;
        double value = objective.PenalizedValueAndSmoothGradient(x, g);
        double residual = KktResidual(x, g, objective.Weights, objective.Centers, value);
        double pgNorm = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double w = objective.Weights[i], offset = x[i] - objective.Centers[i];
            double pg = w == 0 || offset != 0 ? g[i] + (w * Math.Sign(offset)) : Math.Max(0, Math.Abs(g[i]) - w) * Math.Sign(g[i]);
            pgNorm = Math.Max(pgNorm, Math.Abs(pg));
        }

        // Polished, the KKT conditions decide; unpolished, OWL-QN's own tests stand (its residual is reported).
        OptimizationStatus status = !polished ? owlQn.Status
            : residual <= KktTolerance ? OptimizationStatus.GradientConverged
            : owlQn.Converged ? OptimizationStatus.KktNotMet : owlQn.Status;
        return new OptimizationResult(status, owlQn.Iterations + iterations, owlQn.Evaluations + evaluations + 1, value, pgNorm) { KktResidual = residual };
    }
}
