using System;
using System.ComponentModel;

namespace MleGen;

/// <summary>The log CDFs of censored observations and their derivatives, called by generated code; hidden from IntelliSense.</summary>
public static partial class Functions
{
    /// <summary>log 2.</summary>
    private const double LogTwo = 0.69314718055994530941723212145818;

    /// <summary>log(1 − e^−x) for x ≥ 0: log(−expm1(−x)) up to log 2, log1p(−e^−x) beyond (Mächler 2012), so exact at both ends.</summary>
    /// <param name="x">The argument, non-negative.</param>
    /// <returns>log(1 − e^−x), ≤ 0: −∞ at 0, NaN below 0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double Log1mExp(double x)
    {
        if (!(x >= 0))
        {
            return double.NaN;
        }

        return x <= LogTwo ? Math.Log(-Expm1(-x)) : Log1p(-Math.Exp(-x));
    }

    /// <summary>1/(eˣ − 1), the derivative of <see cref="Log1mExp"/>; 0 where eˣ overflows.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>1/(eˣ − 1).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double InverseExpm1(double x) => 1 / Expm1(x);

    /// <summary>log F(z) of the standard Laplace distribution: z − log 2 below 0, log1p(−½e^−z) above.</summary>
    /// <param name="z">The standardized value.</param>
    /// <returns>log F(z), ≤ 0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double LaplaceLogCdf(double z) => z < 0 ? z - LogTwo : Log1p(-0.5 * Math.Exp(-z));

    /// <summary>f(z)/F(z) of the standard Laplace distribution: 1 below 0, 1/(2eᶻ − 1) above.</summary>
    /// <param name="z">The standardized value.</param>
    /// <returns>The ratio, in (0, 1].</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double LaplaceCdfRatio(double z) => z < 0 ? 1 : 1 / ((2 * Math.Exp(z)) - 1);

    /// <summary>
    /// log F(z) of the standard Cauchy distribution, F(z) = ½ + atan(z)/π. Below 0 F(z) = atan(−1/z)/π (no cancellation
    /// in the far lower tail), above 0 log1p(−atan(1/z)/π).
    /// </summary>
    /// <param name="z">The standardized value.</param>
    /// <returns>log F(z), ≤ 0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double CauchyLogCdf(double z)
    {
        if (z < 0)
        {
            return Math.Log(Math.Atan(-1 / z) / Math.PI);
        }

        return z == 0 ? -LogTwo : Log1p(-Math.Atan(1 / z) / Math.PI);
    }

    /// <summary>f(z)/F(z) of the standard Cauchy distribution, 1/((1 + z²)·π F(z)), with π F(z) formed without cancellation.</summary>
    /// <param name="z">The standardized value.</param>
    /// <returns>The ratio, positive (≈ −1/z far in the lower tail).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double CauchyCdfRatio(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        // π F(z): atan(−1/z) below 0, π − atan(1/z) above (π/2 at 0).
        double piF = z < 0 ? Math.Atan(-1 / z) : z == 0 ? Math.PI / 2 : Math.PI - Math.Atan(1 / z);

        // (1 + z²)·πF as πF + z·(z·πF): z·πF stays near −1 in the lower tail where z² alone would overflow.
        return 1 / (piF + (z * (z * piF)));
    }

    /// <summary>
    /// log P(Y &gt; L) for Y ~ Poisson(<paramref name="rate"/>) and a whole-number bound L: log(1 − e^−λ) at L = 0 (the
    /// zero-truncated Poisson), otherwise the log regularized lower incomplete gamma log P(L + 1, λ) (through the upper one
    /// where P is near 1); 0 for L &lt; 0.
    /// </summary>
    /// <param name="bound">The bound L, a whole number.</param>
    /// <param name="rate">The rate λ, positive.</param>
    /// <returns>The log probability, ≤ 0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double PoissonLogSurvival(double bound, double rate)
    {
        if (bound < 0)
        {
            return 0;
        }

        if (bound == 0)
        {
            return Log1mExp(rate);
        }

        double a = bound + 1;
        double lower = MathNet.Numerics.SpecialFunctions.GammaLowerRegularized(a, rate);
        return lower > 0.5 ? Log1p(-MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(a, rate)) : Math.Log(lower);
    }

    /// <summary>p(L; λ)/P(Y &gt; L), the derivative in λ of <see cref="PoissonLogSurvival"/>; 0 for L &lt; 0.</summary>
    /// <param name="bound">The bound L, a whole number.</param>
    /// <param name="rate">The rate λ, positive.</param>
    /// <returns>The ratio, positive.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double PoissonSurvivalRatio(double bound, double rate)
    {
        if (bound < 0)
        {
            return 0;
        }

        if (bound == 0)
        {
            return InverseExpm1(rate);
        }

        return Math.Exp((bound * Math.Log(rate)) - rate - MathNet.Numerics.SpecialFunctions.GammaLn(bound + 1) - PoissonLogSurvival(bound, rate));
    }
}
