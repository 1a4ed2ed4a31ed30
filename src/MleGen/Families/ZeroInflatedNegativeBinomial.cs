using System;

namespace MleGen;

/// <summary>
/// The zero-inflated negative binomial observation model (as R's <c>pscl::zeroinfl(dist = "negbin")</c>): with
/// probability π a structural zero, otherwise a <see cref="NegativeBinomial"/>(μ, φ) count (variance μ + μ²/φ).
/// </summary>
public readonly struct ZeroInflatedNegativeBinomial : IObservationFamily, IFamilySupport
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="zeroProbability">π, the probability of a structural zero; in [0, 1].</param>
    /// <param name="mean">μ, the mean of the count part; non-negative and finite.</param>
    /// <param name="dispersion">φ, the count part's dispersion (R's size / θ); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public ZeroInflatedNegativeBinomial(double zeroProbability, double mean, double dispersion)
    {
        FamilyArguments.ThrowIfNotProbability(zeroProbability);
        FamilyArguments.ThrowIfNegative(mean);
        FamilyArguments.ThrowIfNotPositive(dispersion);
        ZeroProbability = zeroProbability;
        CountMean = mean;
        Dispersion = dispersion;
    }

    /// <summary>π, the probability of a structural zero.</summary>
    public double ZeroProbability { get; }

    /// <summary>μ, the mean of the negative binomial part.</summary>
    public double CountMean { get; }

    /// <summary>φ, the dispersion of the negative binomial part.</summary>
    public double Dispersion { get; }

    /// <summary>The observed value is a count.</summary>
    public static string SupportDescription => "a non-negative integer";

    /// <summary>True when <paramref name="y"/> is a non-negative integer (up to <see cref="int.MaxValue"/>).</summary>
    public static bool IsInSupport(double y) => Support.IsCount(y);

    /// <summary>log P(y); −∞ outside the non-negative integers.</summary>
    public double LogDensity(double y) => IsInSupport(y) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>log(π + (1 − π)·NB(0)) at 0 (by log-sum-exp), log(1 − π) + log NB(y; μ, φ) above.</summary>
    public double LogDensity(int y)
    {
        if (y < 0)
        {
            return double.NegativeInfinity;
        }

        double count = new NegativeBinomial(CountMean, Dispersion).LogDensity(y);
        double notZero = Functions.Log1p(-ZeroProbability);
        return y == 0 ? Functions.LogSumExp(Math.Log(ZeroProbability), notZero + count) : notZero + count;
    }

    /// <summary>The mean (1 − π)μ.</summary>
    public double Mean => (1 - ZeroProbability) * CountMean;

    /// <summary>The variance (1 − π)μ(1 + μ/φ + πμ).</summary>
    public double Variance => (1 - ZeroProbability) * CountMean * (1 + (CountMean / Dispersion) + (ZeroProbability * CountMean));
}
