using System;

namespace MleGen;

/// <summary>
/// Newton's method in a trust region of Levenberg–Marquardt form: the step solves
/// (H + λ·diag(H)) d = −g (Marquardt's scaling, so the safeguard does not depend on the parameters'
/// units), λ grows when the quadratic model predicts the actual decrease badly or H + λ·diag(H) is not
/// positive definite, and shrinks when it predicts it well (Marquardt's tenfold drop after a step the model predicted well, Nielsen's smooth update otherwise). Given the expected
/// information as <see cref="IObjective.Hessian"/> it is Fisher scoring; for a Gaussian likelihood that
/// is Levenberg–Marquardt on the residual sum of squares. After a rejected step the trial steps carry
/// a <see cref="GeodesicAcceleration"/>, which bends them along a curved valley.
/// </summary>
internal static class Newton
{
    /// <summary>
    /// λ at the start, relative to the curvature's diagonal: a strongly damped first step (the
    /// recommendation of Madsen, Nielsen &amp; Tingleff for starts far from the solution). Over the NIST
    /// higher-difficulty problems from both of NIST's starts, smaller values (1e-6 … 1e-1) let the
    /// first steps jump into other basins (MGH09, Thurber); it shrinks by up to 3× per good step.
    /// </summary>
    private const double InitialDamping = 1;

    /// <summary>Below this λ the step is the plain Newton step.</summary>
    private const double NegligibleDamping = 1e-14;

    /// <summary>The least λ after H + λI failed to factor (H is indefinite or singular in some direction).</summary>
    private const double IndefiniteDamping = 1e-6;

    /// <summary>Above this λ the step is a vanishing gradient step: the search has failed.</summary>
    private const double MaxDamping = 1e16;

    /// <summary>Above this agreement of actual and predicted decrease, λ drops tenfold (Marquardt's factor).</summary>
    private const double GoodAgreement = 0.75;

    /// <summary>Within this of ρ = 1 the quadratic model is as good as exact (a GLM near its optimum): λ drops a thousandfold.</summary>
    private const double ExactAgreement = 0.01;

    /// <summary>Undamped Newton steps taken after the gradient test first passes on a damped step.</summary>
    private const int MaxPolishSteps = 2;

    /// <summary>A step is accepted when the actual decrease is at least this fraction of the predicted one.</summary>
    private const double MinAgreement = 1e-4;

    /// <summary>
    /// Relative changes of f below this are treated as rounding noise: a log-likelihood summed over
    /// many observations, with residuals divided by a small scale, carries errors of this order (a
    /// step inside the noise is accepted when it reduces the gradient).
    /// </summary>
    private const double RoundingLevel = 1e-11;

    /// <summary>
    /// H ← S H S with S = diag(Dᵢ^−½), Dᵢ the largest |Hᵢᵢ| seen so far in this run (floored at 1e-12 of
    /// the largest), so λI on the scaled matrix is λ·D on the original one. Keeping the largest curvature
    /// seen (Moré's choice in MINPACK) stops the trust region from growing along a direction whose
    /// curvature fades, the way to a degenerate solution at infinity.
    /// </summary>
    private static void ScaleToUnitDiagonal(Span<double> h, int n, Span<double> diagonalSeen, Span<double> scale)
    {
        double largest = 0;
        for (int i = 0; i < n; i++)
        {
            double hii = Math.Abs(h[(i * n) + i]);
            if (double.IsFinite(hii))
            {
                diagonalSeen[i] = Math.Max(diagonalSeen[i], hii);
            }

            largest = Math.Max(largest, diagonalSeen[i]);
        }

        for (int i = 0; i < n; i++)
        {
            double diagonal = Math.Max(diagonalSeen[i], 1e-12 * largest);
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

    /// <summary>−(gᵀd + ½ dᵀHd) in the scaled coordinates: the decrease the quadratic model predicts.</summary>
    private static double PredictedDecrease(ReadOnlySpan<double> h, int n, ReadOnlySpan<double> scaledGradient, ReadOnlySpan<double> scaledStep)
    {
        double linear = 0, quadratic = 0;
        for (int i = 0; i < n; i++)
        {
            linear += scaledGradient[i] * scaledStep[i];
            double row = 0;
            for (int j = 0; j < n; j++)
            {
                row += h[(i * n) + j] * scaledStep[j];
            }

            quadratic += scaledStep[i] * row;
        }

        return -(linear + (0.5 * quadratic));
    }

    /// <summary>Minimizes <paramref name="objective"/> (which must have a Hessian) from <paramref name="x"/>; an iteration is an accepted step (each one reported to the progress).</summary>
    /// <param name="objective">The function, with its Hessian (or expected information).</param>
    /// <param name="x">The start; the minimizer on return.</param>
    /// <param name="settings">Stopping rules.</param>
    /// <param name="workspace">Work arrays for <paramref name="objective"/>'s dimension.</param>
    /// <param name="nearOptimum">True to start undamped (polishing the result of another method).</param>
    public static OptimizationResult Minimize(IObjective objective, Span<double> x, in OptimizerSettings settings, NewtonWorkspace workspace, bool nearOptimum = false)
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
        Span<double> scaledGradient = workspace.ScaledGradient;
        Span<double> scaledStep = workspace.ScaledStep;
        Span<double> diagonalSeen = workspace.DiagonalSeen;
        diagonalSeen.Clear();

        double f = objective.ValueAndGradient(x, g);
        int evaluations = 1;
        double gNorm = Vectors.InfNorm(g);
        if (!double.IsFinite(f) || !double.IsFinite(gNorm))
        {
            return new OptimizationResult(OptimizationStatus.NonFiniteStart, 0, evaluations, f, gNorm);
        }

        double lambda = nearOptimum ? 0 : InitialDamping, growth = 2;
        bool accelerate = false;
        int polishSteps = 0;
        for (int iteration = 1; iteration <= settings.MaxIterations; iteration++)
        {
            settings.CancellationToken.ThrowIfCancellationRequested();
            objective.Hessian(x, h);
            ScaleToUnitDiagonal(h, n, diagonalSeen, scale);
            if (objective.HasFallbackHessian && !Cholesky.TryFactor(h, n, 0, l))
            {
                // The observed information is indefinite here: take this step on the expected
                // information (Fisher scoring's matrix, positive semi-definite) instead.
                objective.FallbackHessian(x, h);
                ScaleToUnitDiagonal(h, n, diagonalSeen, scale);
            }

            for (int i = 0; i < n; i++)
            {
                scaledGradient[i] = g[i] * scale[i];
            }

            // At the start a small gradient alone is no proof of a maximum: the test is relative to |f|, which a
            // bad start makes enormous (y × 1e8 with β = 0), and a coordinate in large units has a tiny gradient
            // far from its optimum. The start is accepted only when the Newton decrement (the decrease the exact
            // quadratic model still predicts) is negligible too; otherwise iterate.
            if (iteration == 1 && Vectors.GradientSmall(gNorm, f, settings.GradientTolerance)
                && NewtonDecrementSmall(h, n, scaledGradient, scaledStep, l, f, settings.FunctionTolerance))
            {
                return new OptimizationResult(OptimizationStatus.GradientConverged, 0, evaluations, f, gNorm);
            }

            bool accepted = false, undamped = false;
            double fNew = double.NaN;
            while (!accepted)
            {
                double damping = lambda < NegligibleDamping ? 0 : lambda;
                if (!ModelDirection(h, n, damping, scaledGradient, scaledStep, l))
                {
                    lambda = Math.Max(lambda * growth, IndefiniteDamping);
                    growth *= 2;
                    if (lambda > MaxDamping)
                    {
                        return new OptimizationResult(OptimizationStatus.LineSearchFailed, iteration - 1, evaluations, f, gNorm);
                    }

                    continue;
                }

                // ρ compares the actual decrease with the quadratic model's for the velocity v (GSL's choice):
                // the acceleration corrects for the model's error, and is judged by how much better it does.
                double predicted = PredictedDecrease(h, n, scaledGradient, scaledStep);
                bool accelerated = accelerate && damping > 0 && objective.HasExpectedCurvature
                    && GeodesicAcceleration.TryApply(objective, x, g, l, scale, scaledStep, workspace, ref evaluations);
                for (int i = 0; i < n; i++)
                {
                    d[i] = scaledStep[i] * scale[i];
                }

                Vectors.AddScaled(x, 1, d, xNew);
                fNew = objective.ValueAndGradient(xNew, gNew);
                evaluations++;
                double rho = (f - fNew) / predicted;
                if (double.IsFinite(fNew) && (rho >= MinAgreement
                    || (Vectors.ChangeSmall(f, fNew, RoundingLevel) && Vectors.InfNorm(gNew) < gNorm)))
                {
                    accepted = true;
                    accelerate = accelerated;
                    double r = (2 * rho) - 1;

                    // A step accepted inside the rounding noise of f (its ρ is noise) that reduced the
                    // gradient says the model is good at this scale: damp less, never more.
                    lambda *= !double.IsFinite(rho) || rho < MinAgreement ? 0.1
                        : Math.Abs(rho - 1) < ExactAgreement ? 1e-3
                        : rho > GoodAgreement ? 0.1
                        : Math.Max(1.0 / 3, 1 - (r * r * r));
                    undamped = damping == 0;
                    growth = 2;
                }
                else
                {
                    if (Vectors.StepSmall(x, xNew))
                    {
                        return new OptimizationResult(OptimizationStatus.StepConverged, iteration - 1, evaluations, f, gNorm);
                    }

                    // The quadratic model failed over this region: bend the next trial steps along the curvature.
                    accelerate = true;
                    lambda = Math.Max(lambda * growth, NegligibleDamping * 2);
                    growth *= 2;
                    if (lambda > MaxDamping)
                    {
                        return new OptimizationResult(OptimizationStatus.LineSearchFailed, iteration - 1, evaluations, f, gNorm);
                    }
                }
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
                // After a damped step the gradient can be small while weakly determined coordinates
                // are still off (Longley: 1e-5); an undamped Newton step or two puts them in place.
                if (undamped || polishSteps >= MaxPolishSteps)
                {
                    return new OptimizationResult(OptimizationStatus.GradientConverged, iteration, evaluations, f, gNorm);
                }

                polishSteps++;
                lambda = 0;
            }

            // Converged on f or on the step only after an undamped step: a damped step is short by
            // construction, and a small change alone can be a slow crawl along a valley.
            if (undamped && Vectors.ChangeSmall(fOld, f, settings.FunctionTolerance))
            {
                return new OptimizationResult(OptimizationStatus.FunctionConverged, iteration, evaluations, f, gNorm);
            }

            if (undamped && stepSmall)
            {
                return new OptimizationResult(OptimizationStatus.StepConverged, iteration, evaluations, f, gNorm);
            }
        }

        return new OptimizationResult(OptimizationStatus.MaxIterations, settings.MaxIterations, evaluations, f, gNorm);
    }

    /// <summary>
    /// True when H is positive definite and ½gᵀH⁻¹g — the decrease of f to the minimum of the quadratic model, invariant
    /// to the parameters' units — is at most <paramref name="tolerance"/>·max(1, |f|). Uses the step and factor buffers.
    /// </summary>
    private static bool NewtonDecrementSmall(ReadOnlySpan<double> h, int n, ReadOnlySpan<double> scaledGradient, Span<double> scaledStep, Span<double> factor, double f, double tolerance)
    {
        if (!ModelDirection(h, n, 0, scaledGradient, scaledStep, factor))
        {
            return false;
        }

        double decrement = -Vectors.Dot(scaledGradient, scaledStep);
        return 0.5 * decrement <= tolerance * Math.Max(1, Math.Abs(f));
    }

    /// <summary>Solves (H + λI) s = −g in the scaled coordinates; false when H + λI is not positive definite.</summary>
    private static bool ModelDirection(ReadOnlySpan<double> h, int n, double damping, ReadOnlySpan<double> scaledGradient, Span<double> scaledStep, Span<double> factor)
    {
        if (!Cholesky.TryFactor(h, n, damping, factor))
        {
            return false;
        }

        for (int i = 0; i < n; i++)
        {
            scaledStep[i] = -scaledGradient[i];
        }

        Cholesky.Solve(factor, n, scaledStep);
        foreach (double v in scaledStep)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
