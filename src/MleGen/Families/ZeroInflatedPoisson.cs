using System;

namespace MleGen;

/// <summary>
/// The zero-inflated Poisson observation model (as R's <c>pscl::zeroinfl(dist = "poisson")</c>): with probability
/// π a structural zero, otherwise a Poisson(λ) count. P(0) = π + (1 − π)e^{−λ}, P(y) = (1 − π)·Poisson(y; λ) for y &gt; 0.
/// </summary>
public readonly struct ZeroInflatedPoisson : IObservationFamily, IFamilySupport
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="zeroProbability">π, the probability of a structural zero; in [0, 1].</param>
    /// <param name="rate">λ, the Poisson mean of the count part; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public ZeroInflatedPoisson(double zeroProbability, double rate)
    {
        FamilyArguments.ThrowIfNotProbability(zeroProbability);
        FamilyArguments.ThrowIfNegative(rate);
        ZeroProbability = zeroProbability;
        Rate = rate;
    }

    /// <summary>π, the probability of a structural zero.</summary>
    public double ZeroProbability { get; }

    /// <summary>λ, the mean of the Poisson part.</summary>
    public double Rate { get; }

    /// <summary>The observed value is a count.</summary>
    public static string SupportDescription => "a non-negative integer";

    /// <summary>True when <paramref name="y"/> is a non-negative integer (up to <see cref="int.MaxValue"/>).</summary>
    public static bool IsInSupport(double y) => Support.IsCount(y);

    /// <summary>log P(y); −∞ outside the non-negative integers.</summary>
    public double LogDensity(double y) => IsInSupport(y) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>log(π + (1 − π)e^{−λ}) at 0 (by log-sum-exp), log(1 − π) + log Poisson(y; λ) above.</summary>
    public double LogDensity(int y)
    {
        if (y < 0)
        {
            return double.NegativeInfinity;
        }

        double count = new Poisson(Rate).LogDensity(y);
        double notZero = Functions.Log1p(-ZeroProbability);
        return y == 0 ? Functions.LogSumExp(Math.Log(ZeroProbability), notZero + count) : notZero + count;
    }

    /// <summary>The mean (1 − π)λ.</summary>
    public double Mean => (1 - ZeroProbability) * Rate;

    /// <summary>The variance (1 − π)λ(1 + πλ).</summary>
    public double Variance => (1 - ZeroProbability) * Rate * (1 + (ZeroProbability * Rate));
}
