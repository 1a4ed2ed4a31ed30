using System;

namespace MleGen;

/// <summary>
/// Geodesic acceleration of a damped Newton step (Transtrum &amp; Sethna, "Improvements to the
/// Levenberg–Marquardt algorithm for nonlinear least-squares minimization", 2012): with the step v
/// solving (H + λD)v = −g, the acceleration a solves (H + λD)a = −Jᵀ r_vv — r_vv the second directional
/// derivative of the residuals along v — and the step taken is v + ½a, the second-order path along which
/// the model's predictions move in a straight line. Along a narrow curved valley the plain step leaves
/// the valley floor after a short distance, so the trust region stays small; the accelerated step
/// follows the valley's bend (NIST Bennett5: hundreds of iterations become tens).
/// </summary>
/// <remarks>
/// <para>
/// A likelihood gives no residuals, only the objective, its gradient and its curvature matrices. For a
/// Gaussian model, with F = JᵀJ the expected information (Gauss–Newton's matrix) and f‴[v, v] the
/// directional derivative of the Hessian along v, Jᵀ r_vv = 2·F′[v]·v − f‴[v, v] − Σᵢ rᵢ ∇mᵢ,vv: the last
/// term is a residual-weighted one of the kind Gauss–Newton drops (zero in expectation), and is left out
/// by not being separable. Both derivatives come from central differences at x ± h·v (two gradients and
/// two expected informations): the correction is solved with the ill-conditioned matrix of a curved
/// valley, so it must be accurate in every direction, and forward differences (O(h) errors) are not.
/// </para>
/// <para>
/// The correction is kept small beside the step: ‖a‖ ≤ <see cref="MaxRatio"/>·‖v‖ in the scaled norm,
/// Transtrum &amp; Sethna's α. They reject a step whose correction is larger (so that λ grows); ours is an
/// estimate that carries the residual term, and rejecting on it inflated λ on NIST Kirby2 and Chwirut2
/// (hundreds of iterations), so a larger correction is shortened to α·‖v‖ instead and the trust-region
/// test (ρ) decides.
/// </para>
/// <para>
/// <see cref="Newton"/> uses it only after a step was rejected (the quadratic model failed over the trust
/// region), and for as long as the accelerated steps are accepted: a problem whose quadratic model works
/// (a GLM) never pays the four extra evaluations.
/// </para>
/// </remarks>
internal static class GeodesicAcceleration
{
    /// <summary>
    /// The probe distance along v, relative to v: small enough that the central differences' O(h²)
    /// truncation is far below the correction's size, large enough that rounding in the gradients
    /// (divided by h²) is too. Over the NIST problems 1e-3 is as good as the exact derivatives (R
    /// experiments on Bennett5: h = 0.1 doubles the iterations, 1e-4 loses accuracy).
    /// </summary>
    private const double ProbeDistance = 1e-3;

    /// <summary>The largest ‖a‖/‖v‖ used (Transtrum &amp; Sethna's α = 0.75; GSL's <c>avmax</c>).</summary>
    private const double MaxRatio = 0.75;

    /// <summary>
    /// Adds ½a to <paramref name="scaledStep"/> (scaled coordinates: x = x₀ + S·s with S = diag(<paramref name="scale"/>));
    /// false (the step unchanged) when a probe's value or derivatives are not finite.
    /// </summary>
    /// <param name="objective">The objective; it must have an expected curvature.</param>
    /// <param name="x">The current point.</param>
    /// <param name="g">The gradient at <paramref name="x"/>.</param>
    /// <param name="factor">The Cholesky factor of S·(H + λD)·S, as used for the step.</param>
    /// <param name="scale">S.</param>
    /// <param name="scaledStep">v in the scaled coordinates on entry; v + ½a on return.</param>
    /// <param name="workspace">Probe arrays.</param>
    /// <param name="evaluations">Incremented by the objective evaluations spent (two).</param>
    public static bool TryApply(IObjective objective, ReadOnlySpan<double> x, ReadOnlySpan<double> g, ReadOnlySpan<double> factor,
        ReadOnlySpan<double> scale, Span<double> scaledStep, NewtonWorkspace workspace, ref int evaluations)
    {
        int n = x.Length;
        Span<double> probe = workspace.Probe;
        Span<double> gPlus = workspace.ProbeGradient;
        Span<double> gMinus = workspace.ProbeGradientOther;
        Span<double> curvature = workspace.ProbeCurvature;
        Span<double> fvPlus = workspace.CurvatureProduct;
        Span<double> a = workspace.Acceleration;

        // a holds F(x − h·v)·v until the right-hand side is formed.
        evaluations += 2;
        if (!Probe(objective, x, scale, scaledStep, ProbeDistance, probe, gPlus, curvature, fvPlus)
            || !Probe(objective, x, scale, scaledStep, -ProbeDistance, probe, gMinus, curvature, a))
        {
            return false;
        }

        // t = 2·F′[v]·v − f‴[v, v] with F′[v]·v ≈ (F₊ − F₋)v/(2h) and f‴[v, v] ≈ (g₊ − 2g + g₋)/h²; the right-hand
        // side in scaled coordinates is −S·t.
        const double h = ProbeDistance;
        for (int i = 0; i < n; i++)
        {
            double curvatureChange = (fvPlus[i] - a[i]) / h;
            double third = (gPlus[i] - (2 * g[i]) + gMinus[i]) / (h * h);
            a[i] = -(curvatureChange - third) * scale[i];
        }

        Cholesky.Solve(factor, n, a);
        double ratio = Math.Sqrt(Vectors.Dot(a, a) / Vectors.Dot(scaledStep, scaledStep));
        if (!double.IsFinite(ratio))
        {
            return false;
        }

        double half = 0.5 * Math.Min(1, MaxRatio / ratio);
        for (int i = 0; i < n; i++)
        {
            scaledStep[i] += half * a[i];
        }

        return true;
    }

    /// <summary>Gradient and F·v (unscaled v = S·s) at x + distance·v; false when not finite.</summary>
    private static bool Probe(IObjective objective, ReadOnlySpan<double> x, ReadOnlySpan<double> scale, ReadOnlySpan<double> scaledStep, double distance,
        Span<double> probe, Span<double> gradient, Span<double> curvature, Span<double> product)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            probe[i] = x[i] + (distance * scaledStep[i] * scale[i]);
        }

        if (!double.IsFinite(objective.ValueGradientAndExpectedCurvature(probe, gradient, curvature)) || !AllFinite(gradient))
        {
            return false;
        }

        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += curvature[(i * n) + j] * scaledStep[j] * scale[j];
            }

            product[i] = s;
        }

        return AllFinite(product);
    }

    private static bool AllFinite(ReadOnlySpan<double> v)
    {
        foreach (double x in v)
        {
            if (!double.IsFinite(x))
            {
                return false;
            }
        }

        return true;
    }
}
