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
    /// E[−∂²log p/∂φ²] = Σ_{j≥0} P(Y &gt; j)/(φ + j)² − μ/(φ(φ + μ)), from ψ′(φ) − ψ′(y + φ) = Σ_{j&lt;y} 1/(φ + j)².
    /// The series is summed until the tail probability is below 1e-17 of the running total.
    /// </summary>
    /// <param name="mean">μ &gt; 0.</param>
    /// <param name="dispersion">φ &gt; 0.</param>
    /// <returns>The information, ≥ 0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static double NegativeBinomialDispersionInformation(double mean, double dispersion)
    {
        const double SurvivalNoise = 1e-15; // 1 − cumulative below this is rounding noise (a few ε of the sum of probabilities)
        double q = mean / (dispersion + mean);
        // P(Y = 0) = (φ/(φ+μ))^φ, then p(y+1) = p(y)·(y+φ)/(y+1)·q.
        double probability = Math.Exp(dispersion * Math.Log(dispersion / (dispersion + mean)));
        double cumulative = probability;
        double sum = 0;
        for (int j = 0; j < 10_000_000; j++)
        {
            double survival = 1 - cumulative;
            double term = survival / ((dispersion + j) * (dispersion + j));
            sum += term;
            // Past the mean, stop when the terms are negligible, or when 1 − cumulative is down to its rounding noise: for a
            // huge dispersion (θ → ∞, the Poisson limit) cumulative plateaus a few ε below 1, and the loop would otherwise
            // run its 10⁷ steps for every observation (minutes per fit).
            if (survival <= 0 || (j > mean && (term < 1e-17 * sum || survival < SurvivalNoise)))
            {
                break;
            }

            probability *= (j + dispersion) / (j + 1) * q;
            cumulative += probability;
        }

        return Math.Max(0, sum - mean / (dispersion * (dispersion + mean)));
    }
}
