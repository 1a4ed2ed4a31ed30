using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace MleGen;

/// <summary>
/// The helper functions of the model language (<c>using static MleGen.Functions;</c>). They are plain, numerically
/// stable C#, so a model method is runnable as written; the generator recognizes them by name and differentiates them.
/// </summary>
public static partial class Functions
{
    /// <summary>log √(2π).</summary>
    private const double LogSqrtTwoPi = 0.91893853320467274178032973640562;

    /// <summary>1/√2.</summary>
    private const double InverseSqrtTwo = 0.70710678118654752440084436210485;

    /// <summary>
    /// Below this x, LogPhi switches from log(½·erfc(−x/√2)) to the asymptotic series: erfc stays a normal double
    /// (≈ 1e-196 at x = −30, underflowing only near x = −37.5) and 1/x² ≈ 1.1e-3 makes the series converge to ε within 12 terms.
    /// </summary>
    private const double LogPhiAsymptoticBelow = -30;

    /// <summary>Σ_{i=0}^{count−1} term(i), summed in order.</summary>
    /// <param name="count">The number of terms; none when 0 or negative.</param>
    /// <param name="term">The i-th term.</param>
    /// <returns>The sum (0 for no terms).</returns>
    public static double Sum(int count, Func<int, double> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += term(i);
        }

        return sum;
    }

    /// <summary>The linear predictor Σⱼ beta[j]·x[row, j] of one row of a design matrix.</summary>
    /// <param name="beta">The coefficients; its length must equal the number of columns of <paramref name="x"/>.</param>
    /// <param name="x">The design matrix, one observation per row.</param>
    /// <param name="row">The row (observation) index.</param>
    /// <returns>The dot product of <paramref name="beta"/> with row <paramref name="row"/> of <paramref name="x"/>.</returns>
    /// <exception cref="ArgumentException">The lengths do not match.</exception>
    public static double Dot(double[] beta, double[,] x, int row)
    {
        ArgumentNullException.ThrowIfNull(beta);
        ArgumentNullException.ThrowIfNull(x);
        int columns = x.GetLength(1);
        if (beta.Length != columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"beta has {beta.Length} elements but x has {columns} columns"), nameof(beta));
        }

        double sum = 0;
        for (int j = 0; j < columns; j++)
        {
            sum += beta[j] * x[row, j];
        }

        return sum;
    }

    /// <summary>The dot product Σⱼ a[j]·b[j].</summary>
    /// <param name="a">The first vector.</param>
    /// <param name="b">The second vector, of the same length.</param>
    /// <returns>The dot product.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double Dot(double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"a has {a.Length} elements but b has {b.Length}"), nameof(b));
        }

        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }

    /// <summary>The logistic (sigmoid) function 1/(1 + e^−x), stable for large |x| (never NaN for finite x).</summary>
    /// <param name="x">The log-odds.</param>
    /// <returns>The probability, in [0, 1].</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Logistic(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }

        double e = Math.Exp(x);
        return e / (1 + e);
    }

    /// <summary>The softplus log(1 + eˣ), stable for large |x| (x + log1p(e^−x) for x &gt; 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log(1 + eˣ), non-negative.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Softplus(double x) =>
        x > 0 ? x + Log1p(Math.Exp(-x)) : Log1p(Math.Exp(x));

    /// <summary>log(1 + x), accurate for small |x| (.NET's <c>double.LogP1</c> is not).</summary>
    /// <param name="x">The argument, ≥ −1.</param>
    /// <returns>log(1 + x): −∞ at −1, NaN below.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log1p(double x)
    {
        // For |x| > ½ the rounding of 1 + x costs at most ε relative in the (≥ log 1.5 in magnitude) result
        // (and 1 + x is exact for x in [−1, −½]); otherwise correct it (Goldberg 1991, theorem 4).
        if (!(Math.Abs(x) <= 0.5))
        {
            return Math.Log(1 + x);
        }

        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>eˣ − 1, accurate for small |x| (.NET's <c>double.ExpM1</c> is not).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>eˣ − 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Expm1(double x)
    {
        // Beyond |x| > ½ the subtraction loses at most a bit; otherwise Kahan's correction.
        if (!(Math.Abs(x) <= 0.5))
        {
            return Math.Exp(x) - 1;
        }

        double u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        double um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    /// <summary>x².</summary>
    /// <param name="x">The argument.</param>
    /// <returns>x·x.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Square(double x) => x * x;

    /// <summary>log(eᵃ + eᵇ) without overflow or underflow.</summary>
    /// <param name="a">The first log value.</param>
    /// <param name="b">The second log value.</param>
    /// <returns>log(eᵃ + eᵇ); −∞ when both are −∞; NaN when either is NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogSumExp(double a, double b)
    {
        double max = Math.Max(a, b);
        if (double.IsInfinity(max) || double.IsNaN(max))
        {
            return double.IsNaN(a) || double.IsNaN(b) ? double.NaN : max;
        }

        return max + Log1p(Math.Exp(-Math.Abs(a - b)));
    }

    /// <summary>log Σ_{i=0}^{count−1} exp(term(i)), in one streaming pass (each term is evaluated once).</summary>
    /// <param name="count">The number of terms.</param>
    /// <param name="term">The i-th log value.</param>
    /// <returns>The log of the sum of exponentials; −∞ for no terms.</returns>
    public static double LogSumExp(int count, Func<int, double> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        double max = double.NegativeInfinity;
        double scaledSum = 0; // Σ exp(termᵢ − max)
        for (int i = 0; i < count; i++)
        {
            double t = term(i);
            if (double.IsNaN(t) || double.IsPositiveInfinity(t))
            {
                return t;
            }

            if (t == double.NegativeInfinity)
            {
                continue;
            }

            if (t <= max)
            {
                scaledSum += Math.Exp(t - max);
            }
            else
            {
                scaledSum = (scaledSum * Math.Exp(max - t)) + 1;
                max = t;
            }
        }

        return max == double.NegativeInfinity ? max : max + Math.Log(scaledSum);
    }

    /// <summary>The standard normal CDF Φ(x) = ½·erfc(−x/√2), accurate (relatively) in the lower tail.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>Φ(x), in [0, 1].</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Phi(double x) => 0.5 * SpecialFunctions.Erfc(-x * InverseSqrtTwo);

    /// <summary>log Φ(x), accurate for x ≪ 0 (where Φ underflows) and for x ≫ 0 (where it rounds to 1).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log Φ(x), ≤ 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LogPhi(double x)
    {
        if (x > 0)
        {
            // log(1 − Φ(−x)) keeps the tiny upper tail.
            return Log1p(-0.5 * SpecialFunctions.Erfc(x * InverseSqrtTwo));
        }

        if (!(x < LogPhiAsymptoticBelow))
        {
            return Math.Log(0.5 * SpecialFunctions.Erfc(-x * InverseSqrtTwo));
        }

        // Φ(x) = φ(x)/(−x)·(1 − 1/x² + 3/x⁴ − 15/x⁶ + …) (Abramowitz & Stegun 26.2.12).
        double inverseSquare = 1 / (x * x);
        double series = 1;
        double term = 1;
        for (int k = 1; k <= 12; k++)
        {
            term *= -(2 * k - 1) * inverseSquare;
            series += term;
        }

        return (-0.5 * x * x) - LogSqrtTwoPi - Math.Log(-x) + Math.Log(series);
    }

    /// <summary>log Γ(x) (MathNet's <c>GammaLn</c>).</summary>
    /// <param name="x">The argument, positive.</param>
    /// <returns>log Γ(x).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogGamma(double x) => SpecialFunctions.GammaLn(x);
}
