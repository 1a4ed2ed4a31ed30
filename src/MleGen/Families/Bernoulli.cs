using System;

namespace MleGen;

/// <summary>The Bernoulli observation model for a 0/1 outcome with success probability p.</summary>
public readonly struct Bernoulli : IObservationFamily, IFamilySupport
{
    /// <summary>Creates the Bernoulli distribution with success probability <paramref name="p"/>.</summary>
    /// <param name="p">The probability of 1; in [0, 1].</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or NaN.</exception>
    public Bernoulli(double p)
    {
        FamilyArguments.ThrowIfNotProbability(p);
        P = p;
    }

    /// <summary>The probability of 1.</summary>
    public double P { get; }

    /// <summary>The observed value is 0 or 1.</summary>
    public static string SupportDescription => "0 or 1";

    /// <summary>True when <paramref name="y"/> is 0 or 1.</summary>
    public static bool IsInSupport(double y) => y == 0 || y == 1;

    /// <summary>log p for y = 1, log(1 − p) for y = 0, −∞ otherwise.</summary>
    public double LogDensity(double y) => IsInSupport(y) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>log p for y = 1, log(1 − p) for y = 0, −∞ otherwise.</summary>
    public double LogDensity(int y) =>
        y is 0 or 1 ? MathNet.Numerics.Distributions.Bernoulli.PMFLn(P, y) : double.NegativeInfinity;

    /// <summary>log p for true, log(1 − p) for false.</summary>
    public double LogDensity(bool y) => LogDensity(y ? 1 : 0);

    /// <summary>The mean p.</summary>
    public double Mean => P;

    /// <summary>The variance p(1 − p).</summary>
    public double Variance => P * (1 - P);

    /// <summary>The unit deviance −2·log p for y = 1, −2·log(1 − p) for y = 0.</summary>
    public double Deviance(double y) => y != 0 ? -2 * Math.Log(P) : -2 * Functions.Log1p(-P);
}
