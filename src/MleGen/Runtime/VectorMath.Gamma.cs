using System;
using System.Runtime.CompilerServices;

namespace MleGen;

/// <summary>
/// Differences of log Γ and of its derivatives at (y + φ) and φ, the terms of the negative binomial in its dispersion
/// (scalar twins of the vector lanes). Forming log Γ(y + φ) − log Γ(φ) from the two values loses ε·φ·log φ at a large φ
/// (both are ≈ φ log φ, the difference ≈ y log φ): at φ = 1e12 that is 3e-3 per observation. Here:
/// <list type="bullet">
/// <item>for a ≥ 10 the Stirling series of the difference itself: log Γ(a + y) − log Γ(a) =
/// y·log a + a·(log1p(t) − t) + (y − ½)·log1p(t) + S(a + y) − S(a) with t = y/a and S(z) = Σₖ B₂ₖ/(2k(2k − 1)z²ᵏ⁻¹)
/// (8 terms: the first omitted one is below 2e-18 at z = 10); ψ and ψ′ alike;</item>
/// <item>below 10, a count y ≤ 16 by the finite sums log Πₖ (φ + k) and Σₖ 1/(φ + k), k &lt; y (one log or division);</item>
/// <item>other y below 10 by the recurrences Γ(z + 1) = zΓ(z) shift φ up to a = φ + n ≥ 10 (n ≤ 10), with the shifted terms in one
/// product (log Γ: log Πₖ (φ + k + y)/(φ + k)) or one fraction of positive terms (ψ: Σₖ y/((φ + k)(φ + k + y)));</item>
/// <item>outside φ ∈ [1e-100, ∞), y ∈ [0, ∞) (or y &gt; 1e15 with φ &lt; 10, where the product could overflow) the plain
/// difference of <see cref="Functions.LogGamma"/>, <see cref="Functions.Digamma"/> (no large cancellation there), and the
/// limits y = 0 → 0, φ → ∞ → ∞ (log Γ) or 0 (ψ, ψ′).</item>
/// </list>
/// The vector forms run the same operations lane by lane (the shift loop until every lane is at 10 or above; a lane
/// outside the core takes the scalar form), so a lane, the scalar twin and the other width agree bit for bit.
/// Accuracy: docs/internals/simd.md and <c>GammaDifferenceTests</c>.
/// </summary>
public static partial class VectorMath
{
    /// <summary>The asymptotic series are used from this argument on (after the shift).</summary>
    private const double GammaShiftTo = 10;

    private const double GammaSmallestDispersion = 1e-100;

    /// <summary>Counts up to this (with φ &lt; 10) take the finite sums.</summary>
    private const double GammaSmallCount = 16;

    /// <summary>Above this y with φ &lt; 10 the shift product could overflow: the plain difference (no cancellation there).</summary>
    private const double GammaLargestShiftedCount = 1e15;

    // S(z) = Σ B₂ₖ/(2k(2k−1)) z^(1−2k), k = 1..8, as (1/z)·P(1/z²).
    private const double S1 = 1.0 / 12, S2 = -1.0 / 360, S3 = 1.0 / 1260, S4 = -1.0 / 1680;
    private const double S5 = 1.0 / 1188, S6 = -691.0 / 360360, S7 = 1.0 / 156, S8 = -3617.0 / 122400;

    // ψ(z) = log z − 1/(2z) − R(z), R(z) = Σ B₂ₖ/(2k) z^(−2k), k = 1..8, as w·P(w), w = 1/z².
    private const double R1 = 1.0 / 12, R2 = -1.0 / 120, R3 = 1.0 / 252, R4 = -1.0 / 240;
    private const double R5 = 1.0 / 132, R6 = -691.0 / 32760, R7 = 1.0 / 12, R8 = -3617.0 / 8160;

    // ψ′(z) = 1/z + 1/(2z²) + Q(z), Q(z) = Σ B₂ₖ z^(−2k−1), k = 1..8, as (1/z)·w·P(w).
    private const double Q1 = 1.0 / 6, Q2 = -1.0 / 30, Q3 = 1.0 / 42, Q4 = -1.0 / 30;
    private const double Q5 = 5.0 / 66, Q6 = -691.0 / 2730, Q7 = 7.0 / 6, Q8 = -3617.0 / 510;

    /// <summary>log Γ(y + φ) − log Γ(φ), accurate at any φ (scalar twin of the vector lanes).</summary>
    /// <param name="y">y ≥ 0 (a count, in the negative binomial).</param>
    /// <param name="phi">φ &gt; 0.</param>
    /// <returns>The difference; 0 at y = 0, +∞ at φ = +∞ (y &gt; 0).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LogGammaDifference(double y, double phi)
    {
        if (!IsGammaCore(y, phi))
        {
            return LogGammaDifferenceOutside(y, phi);
        }

        if (IsSmallCount(y, phi))
        {
            // Σₖ log(φ + k) = log Πₖ (φ + k), k < y: y roundings, no cancellation.
            double product = 1;
            for (double k = 0; k < y; k++)
            {
                product *= phi + k;
            }

            return Log(product);
        }

        double a = phi, numerator = 1, denominator = 1;
        while (a < GammaShiftTo)
        {
            numerator *= a + y;
            denominator *= a;
            a += 1;
        }

        return LogGammaDifferenceAsymptotic(y, a) - Log(numerator / denominator);
    }

    /// <summary>ψ(y + φ) − ψ(φ), accurate at any φ (scalar twin of the vector lanes).</summary>
    /// <param name="y">y ≥ 0.</param>
    /// <param name="phi">φ &gt; 0.</param>
    /// <returns>The difference; 0 at y = 0 and at φ = +∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double DigammaDifference(double y, double phi)
    {
        if (!IsGammaCore(y, phi))
        {
            return DigammaDifferenceOutside(y, phi);
        }

        if (IsSmallCount(y, phi))
        {
            // Σₖ 1/(φ + k) = p/q, k < y.
            double sp = 0, sq = 1;
            for (double k = 0; k < y; k++)
            {
                double c = phi + k;
                sp = Mad(sp, c, sq);
                sq *= c;
            }

            return sp / sq;
        }

        // Σₖ y/(aₖ(aₖ + y)) = p/q, every term positive.
        double a = phi, p = 0, q = 1;
        while (a < GammaShiftTo)
        {
            double b = a * (a + y);
            p = Mad(p, b, y * q);
            q *= b;
            a += 1;
        }

        return DigammaDifferenceAsymptotic(y, a) + (p / q);
    }

    /// <summary>ψ′(y + φ) − ψ′(φ), accurate at any φ (scalar only: the observed information).</summary>
    /// <param name="y">y ≥ 0.</param>
    /// <param name="phi">φ &gt; 0.</param>
    /// <returns>The difference (≤ 0 for y ≥ 0); 0 at y = 0 and at φ = +∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double TrigammaDifference(double y, double phi)
    {
        if (!IsGammaCore(y, phi))
        {
            return TrigammaDifferenceOutside(y, phi);
        }

        double a = phi, sum = 0;
        while (a < GammaShiftTo)
        {
            // 1/(a + y)² − 1/a², without cancellation when y is small against a.
            double z = a + y;
            sum += y >= a ? (1 / (z * z)) - (1 / (a * a)) : -(y * (a + z)) / (a * a * z * z);
            a += 1;
        }

        return TrigammaDifferenceAsymptotic(y, a) + sum;
    }

    /// <summary>Whether (y, φ) is in the range of the shift and the series (else the scalar form outside it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsGammaCore(double y, double phi) =>
        y >= 0 && y < double.PositiveInfinity && phi >= GammaSmallestDispersion && phi < double.PositiveInfinity
        && (phi >= GammaShiftTo || y <= GammaLargestShiftedCount);

    /// <summary>A count y ≤ 16 with φ &lt; 10: the finite sums (y terms) are more accurate than the shift (a difference of two larger values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSmallCount(double y, double phi) => phi < GammaShiftTo && y <= GammaSmallCount && y == Math.Floor(y);

    /// <summary>log Γ(a + y) − log Γ(a) for a ≥ 10 by the Stirling series of the difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LogGammaDifferenceAsymptotic(double y, double a)
    {
        double ra = 1 / a, z = a + y, rz = 1 / z;
        double t = y * ra;
        double l = Log1p(t);
        double stirling = StirlingTail(rz) - StirlingTail(ra);
        return Mad(y, Log(a), Mad(a, l - t, Mad(y - 0.5, l, stirling)));
    }

    /// <summary>ψ(a + y) − ψ(a) for a ≥ 10: log1p(t) + y/(2a(a + y)) − (R(a + y) − R(a)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double DigammaDifferenceAsymptotic(double y, double a)
    {
        double ra = 1 / a, z = a + y, rz = 1 / z;
        double t = y * ra;
        return Log1p(t) + Mad(0.5 * t, rz, DigammaTail(ra) - DigammaTail(rz));
    }

    /// <summary>ψ′(a + y) − ψ′(a) for a ≥ 10: −(y/(a(a + y)))·(1 + (1/(a + y) + 1/a)/2) + Q(a + y) − Q(a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double TrigammaDifferenceAsymptotic(double y, double a)
    {
        double ra = 1 / a, z = a + y, rz = 1 / z;
        double lead = y * ra * rz;
        return (TrigammaTail(rz) - TrigammaTail(ra)) - (lead * (1 + (0.5 * (rz + ra))));
    }

    /// <summary>S(z) from r = 1/z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double StirlingTail(double r)
    {
        double w = r * r;
        return r * Mad(Mad(Mad(Mad(Mad(Mad(Mad(S8, w, S7), w, S6), w, S5), w, S4), w, S3), w, S2), w, S1);
    }

    /// <summary>R(z) from r = 1/z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double DigammaTail(double r)
    {
        double w = r * r;
        return w * Mad(Mad(Mad(Mad(Mad(Mad(Mad(R8, w, R7), w, R6), w, R5), w, R4), w, R3), w, R2), w, R1);
    }

    /// <summary>Q(z) from r = 1/z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double TrigammaTail(double r)
    {
        double w = r * r;
        return r * w * Mad(Mad(Mad(Mad(Mad(Mad(Mad(Q8, w, Q7), w, Q6), w, Q5), w, Q4), w, Q3), w, Q2), w, Q1);
    }

    private static double GammaOutside(bool digamma, double y, double phi) =>
        digamma ? DigammaDifferenceOutside(y, phi) : LogGammaDifferenceOutside(y, phi);

    private static double LogGammaDifferenceOutside(double y, double phi)
    {
        if (double.IsNaN(y) || double.IsNaN(phi))
        {
            return double.NaN;
        }

        if (y == 0)
        {
            return 0;
        }

        if ((phi == double.PositiveInfinity && y > 0) || (y == double.PositiveInfinity && phi > 0))
        {
            return double.PositiveInfinity;
        }

        return Functions.LogGamma(y + phi) - Functions.LogGamma(phi);
    }

    private static double DigammaDifferenceOutside(double y, double phi)
    {
        if (double.IsNaN(y) || double.IsNaN(phi))
        {
            return double.NaN;
        }

        if (y == 0 || (phi == double.PositiveInfinity && y > 0))
        {
            return 0;
        }

        if (y == double.PositiveInfinity && phi > 0)
        {
            return double.PositiveInfinity;
        }

        return Functions.Digamma(y + phi) - Functions.Digamma(phi);
    }

    private static double TrigammaDifferenceOutside(double y, double phi)
    {
        if (double.IsNaN(y) || double.IsNaN(phi))
        {
            return double.NaN;
        }

        if (y == 0 || (phi == double.PositiveInfinity && y > 0))
        {
            return 0;
        }

        return Functions.Trigamma(y + phi) - Functions.Trigamma(phi);
    }
}
