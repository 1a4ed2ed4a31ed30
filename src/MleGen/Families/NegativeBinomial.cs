using System;

namespace MleGen;

/// <summary>
/// The negative binomial observation model for over-dispersed counts, in the mean–dispersion parameterization:
/// variance μ + μ²/φ (R's <c>dnbinom(mu = μ, size = φ)</c>, <c>glm.nb</c>'s θ = φ).
/// </summary>
public readonly struct NegativeBinomial : IObservationFamily, IFamilySupport
{
    /// <summary>Creates the negative binomial distribution with the given <paramref name="mean"/> and <paramref name="dispersion"/>.</summary>
    /// <param name="mean">The mean μ; non-negative and finite (0 puts all mass on 0).</param>
    /// <param name="dispersion">The dispersion φ (size); positive and finite; φ → ∞ gives the Poisson.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public NegativeBinomial(double mean, double dispersion)
    {
        FamilyArguments.ThrowIfNegative(mean);
        FamilyArguments.ThrowIfNotPositive(dispersion);
        Mean = mean;
        Dispersion = dispersion;
    }

    /// <summary>The mean μ.</summary>
    public double Mean { get; }

    /// <summary>The dispersion φ (R's size / θ).</summary>
    public double Dispersion { get; }

    /// <summary>The observed value is a count.</summary>
    public static string SupportDescription => "a non-negative integer";

    /// <summary>True when <paramref name="y"/> is a non-negative integer (up to <see cref="int.MaxValue"/>).</summary>
    public static bool IsInSupport(double y) => Support.IsCount(y);

    /// <summary>log Γ(y + φ) − log Γ(φ) − log y! + φ·log(φ/(φ + μ)) + y·log(μ/(φ + μ)); −∞ outside the non-negative integers.</summary>
    public double LogDensity(double y) => IsInSupport(y) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>log Γ(y + φ) − log Γ(φ) − log y! + φ·log(φ/(φ + μ)) + y·log(μ/(φ + μ)), stable at any φ; −∞ for a negative count.</summary>
    public double LogDensity(int y)
    {
        if (y < 0)
        {
            return double.NegativeInfinity;
        }

        if (Mean == 0)
        {
            // The degenerate distribution at 0 (y·log μ would be 0·(−∞) at y = 0).
            return y == 0 ? 0 : double.NegativeInfinity;
        }

        // log Γ(y + φ) − log Γ(φ) and φ·log(φ/(φ + μ)) = −φ·log1p(μ/φ) without forming the two ≈ φ·log φ values each
        // (that loses ε·φ·log φ: 3e-3 at φ = 1e12), and y·log(μ/(φ + μ)) = −y·log1p(φ/μ). The same terms as the
        // generated code (NegativeBinomialFamily).
        // Clamped at 0: for a tiny φ, the terms can add up to a few ε above a log-probability of 0.
        double logDensity = Functions.LogGammaDifference(y, Dispersion) - Functions.LogFactorial(y)
            - (Dispersion * Functions.Log1p(Mean / Dispersion))
            - (y == 0 ? 0 : y * Functions.Log1p(Dispersion / Mean));
        return Math.Min(0, logDensity);
    }

    /// <summary>The variance μ + μ²/φ.</summary>
    public double Variance => Mean + (Mean * Mean / Dispersion);

    /// <summary>The unit deviance 2·(y·log(y/μ) − (y + φ)·log((y + φ)/(μ + φ))), φ held (R's <c>glm.nb</c> deviance residuals).</summary>
    public double Deviance(double y) =>
        2 * (Moments.XLogXOver(y, Mean) - ((y + Dispersion) * Functions.Log1p((y - Mean) / (Mean + Dispersion))));
}
