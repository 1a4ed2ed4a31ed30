using System;

namespace MleGen;

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright, Algorithm 7.5) with the strong-Wolfe line search.
/// All work arrays live in a <see cref="LbfgsWorkspace"/>; a run allocates nothing.
/// </summary>
internal static class Lbfgs
{
    /// <summary>Minimizes <paramref name="objective"/> from <paramref name="x"/>, leaving the minimizer in <paramref name="x"/>.</summary>
    public static OptimizationResult Minimize(IObjective objective, Span<double> x, in OptimizerSettings settings, LbfgsWorkspace workspace)
    {
        int n = x.Length;
        if (workspace.Dimension != n || objective.Dimension != n)
        {
            throw new ArgumentException($"Dimension mismatch: x has {n}, the objective {objective.Dimension}, the workspace {workspace.Dimension}.", nameof(workspace));
        }

        Span<double> g = workspace.Gradient.AsSpan(0, n);
        Span<double> d = workspace.Direction.AsSpan(0, n);
        Span<double> xNew = workspace.XNew.AsSpan(0, n);
        Span<double> gNew = workspace.GradientNew.AsSpan(0, n);
        workspace.Reset();

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
            workspace.TwoLoop(g, d);
            double slope = Vectors.Dot(g, d);
            if (!(slope < 0))
            {
                workspace.Reset();
                workspace.TwoLoop(g, d);
                slope = Vectors.Dot(g, d);
            }

            // Without curvature pairs the direction is −g: start with a step of unit length in ‖·‖∞.
            double step = workspace.Count == 0 ? Math.Min(1, 1 / gNorm) : 1;
            LineSearchResult search = StrongWolfeLineSearch.Search(objective, x, f, slope, d, step, xNew, gNew);
            evaluations += search.Evaluations;
            if (!search.Success)
            {
                if (workspace.Count > 0)
                {
                    // The quasi-Newton model went stale: drop it and retry along −g. The failed search is
                    // not an iteration (iterations are accepted steps, numbered as the progress reports
                    // them); the retry cannot repeat, since the model is empty until a step succeeds.
                    workspace.Reset();
                    iteration--;
                    continue;
                }

                return new OptimizationResult(OptimizationStatus.LineSearchFailed, iteration - 1, evaluations, f, gNorm);
            }

            workspace.Push(x, xNew, g, gNew);
            double fOld = f;
            bool stepSmall = Vectors.StepSmall(x, xNew);
            xNew.CopyTo(x);
            gNew.CopyTo(g);
            f = search.Value;
            gNorm = Vectors.InfNorm(g);
            settings.Progress?.Report(new FitProgress(settings.IterationOffset + iteration, f, gNorm));

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
