using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace MleGen;

/// <summary>The derivative helpers that generated code calls; hidden from IntelliSense.</summary>
public static partial class Functions
{
    /// <summary>
    /// Trigamma recurses up to this x before the asymptotic series: there the first omitted term, B₁₆/x¹⁷ ≈ 7e-17,
    /// is below ε relative to ψ₁(x) ≈ 0.1.
    /// </summary>
    private const double TrigammaAsymptoticFrom = 10;

    /// <summary>
    /// NormalPdfRatio uses φ(x)/Φ(x) directly above this x (Φ(−5) ≈ 2.9e-7 is still accurate relatively) and the
    /// continued fraction for Mills' ratio below it, where it converges to ε within <see cref="MillsTerms"/> terms.
    /// </summary>
    private const double MillsContinuedFractionBelow = -5;

    /// <summary>
    /// Terms of the backward-evaluated Mills-ratio continued fraction: at x = −5 (its slowest point) 25 terms already
    /// agree with a 40-digit φ/Φ to 1e-16; 40 leave a margin.
    /// </summary>
    private const int MillsTerms = 40;

    /// <summary>The digamma function ψ(x) = d/dx log Γ(x) (MathNet's <c>DiGamma</c>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ψ(x).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Digamma(double x) => SpecialFunctions.DiGamma(x);

    /// <summary>The trigamma function ψ₁(x) = d²/dx² log Γ(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ψ₁(x); +∞ at the poles 0, −1, −2, …</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Trigamma(double x)
    {
        if (double.IsNaN(x) || x == double.NegativeInfinity)
        {
            return double.NaN;
        }

        if (x <= 0)
        {
            if (x == Math.Floor(x))
            {
                return double.PositiveInfinity;
            }

            // Reflection: ψ₁(1 − x) + ψ₁(x) = π²/sin²(πx).
            double sine = Math.Sin(Math.PI * x);
            return (Math.PI * Math.PI / (sine * sine)) - Trigamma(1 - x);
        }

        // Recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² up to the asymptotic range.
        double sum = 0;
        while (x < TrigammaAsymptoticFrom)
        {
            sum += 1 / (x * x);
            x += 1;
        }

        // ψ₁(x) ~ 1/x + 1/(2x²) + Σ B₂ₖ/x^(2k+1) (Abramowitz & Stegun 6.4.12).
        double z = 1 / x;
        double z2 = z * z;
        double tail = z * z2 * ((1.0 / 6) - (z2 * ((1.0 / 30) - (z2 * ((1.0 / 42) - (z2 * ((1.0 / 30)
            - (z2 * ((5.0 / 66) - (z2 * ((691.0 / 2730) - (z2 * (7.0 / 6)))))))))))));
        return sum + z + (0.5 * z2) + tail;
    }

    /// <summary>The inverse Mills ratio φ(x)/Φ(x), stable for x ≪ 0 (where it approaches −x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>φ(x)/Φ(x), positive.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double NormalPdfRatio(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x >= MillsContinuedFractionBelow)
        {
            return Math.Exp((-0.5 * x * x) - LogSqrtTwoPi) / Phi(x);
        }

        if (x == double.NegativeInfinity)
        {
            return double.PositiveInfinity;
        }

        // Φ(x)/φ(x) = R(t), t = −x: R(t) = 1/(t + 1/(t + 2/(t + 3/(t + …)))) (Laplace), evaluated backwards.
        double t = -x;
        double f = t;
        for (int k = MillsTerms; k >= 1; k--)
        {
            f = t + (k / f);
        }

        return f;
    }

    /// <summary>log Γ(y + φ) − log Γ(φ) without forming the two (≈ φ log φ) values: the negative binomial's count term, stable at any dispersion.</summary>
    /// <param name="y">y ≥ 0.</param>
    /// <param name="phi">φ &gt; 0.</param>
    /// <returns>The difference (the scalar twin of <see cref="VectorMath"/>'s vector lanes).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogGammaDifference(double y, double phi) => VectorMath.LogGammaDifference(y, phi);

    /// <summary>ψ(y + φ) − ψ(φ), the derivative in φ of <see cref="LogGammaDifference"/>, stable at any dispersion.</summary>
    /// <param name="y">y ≥ 0.</param>
    /// <param name="phi">φ &gt; 0.</param>
    /// <returns>The difference (the scalar twin of <see cref="VectorMath"/>'s vector lanes).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double DigammaDifference(double y, double phi) => VectorMath.DigammaDifference(y, phi);

    /// <summary>ψ′(y + φ) − ψ′(φ), the derivative in φ of <see cref="DigammaDifference"/>, stable at any dispersion.</summary>
    /// <param name="y">y ≥ 0.</param>
    /// <param name="phi">φ &gt; 0.</param>
    /// <returns>The difference.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TrigammaDifference(double y, double phi) => VectorMath.TrigammaDifference(y, phi);

    /// <summary>log C(n, k), the log binomial coefficient (MathNet's <c>BinomialLn</c>).</summary>
    /// <param name="n">The number of trials, non-negative.</param>
    /// <param name="k">The number of successes.</param>
    /// <returns>log C(n, k); −∞ when k is outside 0..n.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogBinomialCoefficient(int n, int k) =>
        k < 0 || k > n ? double.NegativeInfinity : SpecialFunctions.BinomialLn(n, k);

    /// <summary>log k! (MathNet's <c>FactorialLn</c>).</summary>
    /// <param name="k">A non-negative integer.</param>
    /// <returns>log k!.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogFactorial(int k) => SpecialFunctions.FactorialLn(k);
}
