using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MleGen;

public static partial class Functions
{
    private const double InverseSqrtTwoPi = 0.39894228040143267793994605993438; // 1/√(2π)

    /// <summary>The standard normal density φ(x) = e^(−x²/2)/√(2π) (the derivative of <see cref="Phi"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>φ(x).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NormalPdf(double x) => InverseSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>
    /// The Fisher information of a negative binomial's dispersion φ at mean μ (variance μ + μ²/φ):
    /// E[−∂²log p/∂φ²] = E[ψ′(φ) − ψ′(Y + φ)] − μ/(φ(φ + μ)). The expectation is summed over the pmf with every term
    /// positive, to a rigorous bound on the rest (<see cref="VectorKernels.NegativeBinomialDispersionInformationLane"/>: the
    /// vector kernels' lanes, bit for bit, so the scalar and vector information kernels give this entry the same bits);
    /// outside that series' domain (the bulk far from 0 or too wide, μ or φ 0, ∞ or NaN), <see cref="NegativeBinomialDispersionInformationBySurvival"/>.
    /// </summary>
    /// <param name="mean">μ &gt; 0.</param>
    /// <param name="dispersion">φ &gt; 0.</param>
    /// <returns>The information, ≥ 0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NegativeBinomialDispersionInformation(double mean, double dispersion) => VectorKernels.NegativeBinomialDispersionInformationLane(mean, dispersion);

    /// <summary>
    /// The Fisher information of a negative binomial's dispersion φ at mean μ (variance μ + μ²/φ):
    /// E[−∂²log p/∂φ²] = Σ_{j≥0} P(Y &gt; j)/(φ + j)² − μ/(φ(φ + μ)), from ψ′(φ) − ψ′(y + φ) = Σ_{j&lt;y} 1/(φ + j)².
    /// The series is summed from the start of the distribution's bulk (below it P(Y &gt; j) = 1 and the terms sum to
    /// ψ′(φ) − ψ′(φ + J)) until a bound on the rest is below 1e-17 of the running total. The form for the pmf-weighted
    /// series' edges: where P(Y &gt; j) = 1 − cumulative is small (μ ≪ 1) it keeps only the digits of that difference,
    /// and its stop at P(Y &gt; j) &lt; 1e-15 comes early (1.8e-11 of E[…] at μ = 1e-6, φ = 1e-3, where the pmf-weighted
    /// form is within 2e-16).
    /// </summary>
    /// <param name="mean">μ &gt; 0.</param>
    /// <param name="dispersion">φ &gt; 0.</param>
    /// <returns>The information, ≥ 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double NegativeBinomialDispersionInformationBySurvival(double mean, double dispersion)
    {
        const double Negligible = 1e-17;        // a remainder below this fraction of the sum is below its rounding
        const double SurvivalNoise = 1e-15;     // 1 − cumulative below this is rounding noise (a few ε of the sum of probabilities)
        const double LowestLogProbability = -700; // e^-700 ≈ 1e-304: P(Y = 0) below it underflows on the way
        if (double.IsNaN(mean) || double.IsNaN(dispersion))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(dispersion) || mean == 0)
        {
            return 0; // the Poisson limit (a fit whose φ overflows to +∞ on its way there), or a point mass at 0
        }

        if (double.IsPositiveInfinity(mean))
        {
            return Trigamma(dispersion) - (1 / dispersion); // E[ψ′(y + φ)] → 0 and μ/(φ(φ + μ)) → 1/φ
        }

        double q = mean / (dispersion + mean);
        // log P(Y = 0) = φ·log(φ/(φ+μ)) = −φ·log1p(μ/φ): log1p keeps it exact in the Poisson limit φ ≫ μ, where
        // log(φ/(φ+μ)) loses its digits, P(0) is off by 1e-6 and 1 − cumulative stalls far above its rounding floor.
        double logP0 = -dispersion * Log1p(mean / dispersion);
        int start = logP0 < LowestLogProbability ? NegativeBinomialBulkStart(mean, dispersion) : 0;
        double spread = Math.Sqrt(mean + (mean * mean / dispersion));
        if (mean - start + (SeriesSpreads * spread) > SeriesBudget)
        {
            // A bulk too wide to sum term by term (large μ over a small φ): the same expectation as an integral.
            double information = Trigamma(dispersion) - NegativeBinomialTrigammaExpectation(mean, dispersion);
            return Math.Max(0, information - (mean / (dispersion * (dispersion + mean))));
        }

        double sum = start == 0 ? 0 : Trigamma(dispersion) - Trigamma(dispersion + start);
        // From the bulk, P(Y = start) is normalized by summing the bulk (log-gamma differences at a huge φ lose digits,
        // and an error there would shift every 1 − cumulative); P(Y < start) < 1e-20 is below the sum's rounding.
        double probability = start == 0 ? Math.Exp(logP0) : 1 / NegativeBinomialBulkMass(start, mean, dispersion, q);
        double cumulative = probability;
        for (int j = start; j < start + (2 * SeriesBudget); j++)
        {
            double survival = 1 - cumulative;
            double term = survival / ((dispersion + j) * (dispersion + j));
            sum += term;
            if (survival <= 0)
            {
                break;
            }

            double ratio = (j + dispersion) / (j + 1) * q; // p(j + 1)/p(j)
            probability *= ratio;
            cumulative += probability;
            if (j > mean && NegativeBinomialTailIsNegligible(j, probability, dispersion, q, sum, term, survival))
            {
                break;
            }
        }

        return Math.Max(0, sum - (mean / (dispersion * (dispersion + mean))));

        static bool NegativeBinomialTailIsNegligible(int j, double probability, double dispersion, double q, double sum, double term, double survival)
        {
            if (term < Negligible * sum || survival < SurvivalNoise)
            {
                return true;
            }

            // Past the mode the ratios p(k + 1)/p(k) = (k + φ)q/(k + 1) fall toward q (φ ≥ 1) or rise toward it (φ < 1): the
            // probability beyond j + 1 is at most p(j + 1)·r/(1 − r) with r the larger of the next ratio and q, and the terms
            // still to come are at most that times Σ_{k>j} 1/(φ + k)² ≤ 1/(φ + j). This stops the sum even where 1 − cumulative
            // has stalled on rounding.
            double next = (j + 1 + dispersion) / (j + 2) * q;
            double r = Math.Max(next, q);
            return r < 1 && probability * r / (1 - r) / (dispersion + j) < Negligible * sum;
        }
    }

    /// <summary>Σ_{k≥start} p(k)/p(start), summed until the rest is below 1e-17 of the total (the ratio bound as above).</summary>
    private static double NegativeBinomialBulkMass(int start, double mean, double dispersion, double q)
    {
        double mass = 1;
        double relative = 1;
        for (int k = start; k < start + (2 * SeriesBudget); k++)
        {
            relative *= (k + dispersion) / (k + 1) * q;
            mass += relative;
            double r = Math.Max((k + 1 + dispersion) / (k + 2) * q, q);
            if (relative == 0 || (k > mean && r < 1 && relative * r / (1 - r) < 1e-17 * mass))
            {
                break;
            }
        }

        return mass;
    }

    /// <summary>The series is summed term by term when its bulk (from its start past the mean by this many standard
    /// deviations, where every tail bound has fired) takes fewer steps than <see cref="SeriesBudget"/>.</summary>
    private const double SeriesSpreads = 60;

    /// <summary>The most terms the series sums (a few milliseconds); wider distributions use the integral.</summary>
    private const int SeriesBudget = 200_000;

    private const int LegendreOrder = 20;
    private const double PanelWidth = 0.5; // in u = log t: the integrand's features are a few units of u wide
    private static readonly double[] LegendreNodes = new MathNet.Numerics.Integration.GaussLegendreRule(-1, 1, LegendreOrder).Abscissas;
    private static readonly double[] LegendreWeights = new MathNet.Numerics.Integration.GaussLegendreRule(-1, 1, LegendreOrder).Weights;

    /// <summary>
    /// E[ψ′(Y + φ)] for a negative binomial Y, from ψ′(x) = ∫₀^∞ t e^(−xt)/(1 − e^(−t)) dt and the probability generating
    /// function E[s^Y] = (φ/(φ + μ(1 − s)))^φ at s = e^(−t): the integral ∫₀^∞ t e^(−φt)/(1 − e^(−t))·(1 + μ(1 − e^(−t))/φ)^(−φ) dt,
    /// summed by Gauss–Legendre panels in u = log t (the integrand has features at t ≈ 1/μ and t ≈ 1/φ, wherever they are).
    /// </summary>
    /// <param name="mean">μ &gt; 0, finite.</param>
    /// <param name="dispersion">φ &gt; 0, finite.</param>
    /// <returns>The expectation.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double NegativeBinomialTrigammaExpectation(double mean, double dispersion)
    {
        // Below t₀ the integrand is 1 to within t₀; E[ψ′(Y + φ)] ≥ E[1/(Y + φ)] ≥ 1/(μ + φ) (Jensen), so t₀ = 1e-18/(μ + φ + 1) is
        // far below its rounding. Above t₁ the integrand is below (1 + t)e^(−φt) < 1e-300.
        double low = 1e-18 / (mean + dispersion + 1);
        double high = (800 + (2 * Math.Log(1 + (800 / dispersion)))) / dispersion;
        double lowU = Math.Log(low);
        int panels = (int)Math.Ceiling((Math.Log(high) - lowU) / PanelWidth);
        double sum = low;
        for (int panel = 0; panel < panels; panel++)
        {
            double middle = lowU + ((panel + 0.5) * PanelWidth);
            double panelSum = 0;
            for (int k = 0; k < LegendreOrder; k++)
            {
                double t = Math.Exp(middle + (0.5 * PanelWidth * LegendreNodes[k]));
                double oneMinusS = -Expm1(-t);
                double logPgf = -dispersion * Log1p(mean * oneMinusS / dispersion);
                panelSum += LegendreWeights[k] * (t * t / oneMinusS) * Math.Exp((-dispersion * t) + logPgf);
            }

            sum += 0.5 * PanelWidth * panelSum;
        }

        return sum;
    }

    /// <summary>
    /// The largest J ≤ the mode whose P(Y ≤ J) &lt; 1e-20 (found by bisection: the pmf rises up to the mode, so
    /// P(Y ≤ J) ≤ (J + 1)·p(J)); the series starts there when P(Y = 0) underflows (large μ).
    /// </summary>
    private static int NegativeBinomialBulkStart(double mean, double dispersion)
    {
        const double LogTiny = -46.051701859880914; // log(1e-20)
        var family = new NegativeBinomial(mean, dispersion);
        double mode = dispersion > 1 ? Math.Floor((dispersion - 1) * mean / dispersion) : 0;
        int low = 0, high = (int)Math.Min(mode, 1_000_000_000);
        while (high - low > 1)
        {
            int middle = low + ((high - low) / 2);
            if (family.LogDensity(middle) + Math.Log(middle + 1.0) < LogTiny)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
