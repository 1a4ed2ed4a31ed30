using System;

namespace MleGen;

/// <summary>
/// Orthant-wise limited-memory quasi-Newton (Andrew &amp; Gao, "Scalable training of L1-regularized
/// log-linear models", ICML 2007) for F(x) = f(x) + Σᵢ wᵢ|xᵢ − cᵢ| with f smooth: the L-BFGS
/// direction on the pseudo-gradient, restricted to the orthant the pseudo-gradient points into, and a
/// backtracking line search that projects every trial point onto that orthant — coordinates that
/// would cross their kink stop exactly at it, so exact zeros (xᵢ = cᵢ) appear.
/// </summary>
internal static class OwlQn
{
    /// <summary>Sufficient-decrease constant of the projected line search (Andrew &amp; Gao use 1e-4).</summary>
    private const double Gamma = 1e-4;

    private const int MaxHalvings = 60;

    /// <summary>Minimizes f + Σ wᵢ|xᵢ − cᵢ| from <paramref name="x"/>, leaving the minimizer in <paramref name="x"/>. The reported value includes the L1 part.</summary>
    public static OptimizationResult Minimize(IObjective smooth, ReadOnlySpan<double> weights, ReadOnlySpan<double> centers,
        Span<double> x, in OptimizerSettings settings, LbfgsWorkspace workspace)
    {
        int n = x.Length;
        if (workspace.Dimension != n || smooth.Dimension != n || weights.Length != n || centers.Length != n)
        {
            throw new ArgumentException("Dimension mismatch between x, the objective, the penalty and the workspace.", nameof(workspace));
        }

        Span<double> g = workspace.Gradient;
        Span<double> pg = workspace.PseudoGradient;
        Span<double> d = workspace.Direction;
        Span<double> xNew = workspace.XNew;
        Span<double> gNew = workspace.GradientNew;
        Span<double> orthant = workspace.Orthant;
        workspace.Reset();

        double f = smooth.ValueAndGradient(x, g) + Penalty(x, weights, centers);
        int evaluations = 1;
        PseudoGradient(x, g, weights, centers, pg);
        double pgNorm = Vectors.InfNorm(pg);
        if (!double.IsFinite(f) || !double.IsFinite(pgNorm))
        {
            return new OptimizationResult(OptimizationStatus.NonFiniteStart, 0, evaluations, f, pgNorm);
        }

        if (Vectors.GradientSmall(pgNorm, f, settings.GradientTolerance))
        {
            return new OptimizationResult(OptimizationStatus.GradientConverged, 0, evaluations, f, pgNorm);
        }

        for (int iteration = 1; iteration <= settings.MaxIterations; iteration++)
        {
            settings.CancellationToken.ThrowIfCancellationRequested();
            double slope = Direction(workspace, pg, d);
            if (!(slope < 0))
            {
                workspace.Reset();
                slope = Direction(workspace, pg, d);
            }

            for (int i = 0; i < n; i++)
            {
                double offset = x[i] - centers[i];
                orthant[i] = offset != 0 ? Math.Sign(offset) : Math.Sign(-pg[i]);
            }

            double alpha = workspace.Count == 0 ? Math.Min(1, 1 / pgNorm) : 1;
            double fNew = double.NaN;
            bool accepted = false;
            for (int k = 0; k < MaxHalvings; k++, alpha *= 0.5)
            {
                Vectors.AddScaled(x, alpha, d, xNew);
                double decrease = 0;
                for (int i = 0; i < n; i++)
                {
                    if (weights[i] > 0 && Math.Sign(xNew[i] - centers[i]) != orthant[i])
                    {
                        xNew[i] = centers[i];
                    }

                    decrease += pg[i] * (xNew[i] - x[i]);
                }

                fNew = smooth.ValueAndGradient(xNew, gNew) + Penalty(xNew, weights, centers);
                evaluations++;
                if (double.IsFinite(fNew) && fNew <= f + (Gamma * decrease))
                {
                    accepted = true;
                    break;
                }
            }

            if (!accepted)
            {
                if (workspace.Count > 0)
                {
                    // As in L-BFGS: a failed search is not an iteration; retry once along the steepest direction.
                    workspace.Reset();
                    iteration--;
                    continue;
                }

                return new OptimizationResult(OptimizationStatus.LineSearchFailed, iteration - 1, evaluations, f, pgNorm);
            }

            workspace.Push(x, xNew, g, gNew);
            double fOld = f;
            bool stepSmall = Vectors.StepSmall(x, xNew);
            xNew.CopyTo(x);
            gNew.CopyTo(g);
            f = fNew;
            PseudoGradient(x, g, weights, centers, pg);
            pgNorm = Vectors.InfNorm(pg);
            settings.Progress?.Report(new FitProgress(settings.IterationOffset + iteration, f, pgNorm));

            if (Vectors.GradientSmall(pgNorm, f, settings.GradientTolerance))
            {
                return new OptimizationResult(OptimizationStatus.GradientConverged, iteration, evaluations, f, pgNorm);
            }

            if (Vectors.ChangeSmall(fOld, f, settings.FunctionTolerance))
            {
                return new OptimizationResult(OptimizationStatus.FunctionConverged, iteration, evaluations, f, pgNorm);
            }

            if (stepSmall)
            {
                return new OptimizationResult(OptimizationStatus.StepConverged, iteration, evaluations, f, pgNorm);
            }
        }

        return new OptimizationResult(OptimizationStatus.MaxIterations, settings.MaxIterations, evaluations, f, pgNorm);
    }

    /// <summary>Σ wᵢ|xᵢ − cᵢ|.</summary>
    public static double Penalty(ReadOnlySpan<double> x, ReadOnlySpan<double> weights, ReadOnlySpan<double> centers)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += weights[i] * Math.Abs(x[i] - centers[i]);
        }

        return s;
    }

    /// <summary>The minimum-norm subgradient of F (Andrew &amp; Gao, eq. 4); zero where the kink absorbs the smooth gradient.</summary>
    public static void PseudoGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> g, ReadOnlySpan<double> weights, ReadOnlySpan<double> centers, Span<double> pg)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double w = weights[i];
            double offset = x[i] - centers[i];
            if (w == 0 || offset > 0)
            {
                pg[i] = g[i] + w;
            }
            else if (offset < 0)
            {
                pg[i] = g[i] - w;
            }
            else if (g[i] + w < 0)
            {
                pg[i] = g[i] + w;
            }
            else if (g[i] - w > 0)
            {
                pg[i] = g[i] - w;
            }
            else
            {
                pg[i] = 0;
            }
        }
    }

    /// <summary>The L-BFGS direction on the pseudo-gradient with every component that disagrees in sign with −pg zeroed; returns pgᵀd.</summary>
    private static double Direction(LbfgsWorkspace workspace, ReadOnlySpan<double> pg, Span<double> d)
    {
        workspace.TwoLoop(pg, d);
        for (int i = 0; i < d.Length; i++)
        {
            if (d[i] * pg[i] >= 0)
            {
                d[i] = 0;
            }
        }

        return Vectors.Dot(pg, d);
    }
}
