using System;

namespace MleGen;

/// <summary>The Poisson observation model on the log scale: rate = exp(eta) (Poisson regression).</summary>
public readonly struct PoissonLog : IObservationFamily, IFamilySupport
{
    /// <summary>Creates the Poisson distribution with mean exp(<paramref name="eta"/>).</summary>
    /// <param name="eta">The log of the mean; finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eta"/> is not finite.</exception>
    public PoissonLog(double eta)
    {
        FamilyArguments.ThrowIfNotFinite(eta);
        Eta = eta;
    }

    /// <summary>The log of the mean.</summary>
    public double Eta { get; }

    /// <summary>The observed value is a count.</summary>
    public static string SupportDescription => Poisson.SupportDescription;

    /// <summary>True when <paramref name="y"/> is a non-negative integer (up to <see cref="int.MaxValue"/>).</summary>
    public static bool IsInSupport(double y) => Poisson.IsInSupport(y);

    /// <summary>y·eta − exp(eta) − log y!; −∞ outside the non-negative integers.</summary>
    public double LogDensity(double y) => IsInSupport(y) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>y·eta − exp(eta) − log y!; −∞ for a negative count.</summary>
    public double LogDensity(int y)
    {
        if (y < 0)
        {
            return double.NegativeInfinity;
        }

        double rate = Math.Exp(Eta);
        if (rate > 0 && double.IsFinite(rate))
        {
            return MathNet.Numerics.Distributions.Poisson.PMFLn(rate, y);
        }

        // exp(eta) under- or overflowed: the plain formula in log space is exact there (−∞ on overflow).
        return (y * Eta) - rate - Functions.LogFactorial(y);
    }

    /// <summary>The mean exp(eta).</summary>
    public double Mean => Math.Exp(Eta);

    /// <summary>The variance exp(eta).</summary>
    public double Variance => Math.Exp(Eta);

    /// <summary>The unit deviance 2·(y·(log y − eta) − (y − exp(eta))).</summary>
    public double Deviance(double y) => 2 * ((y == 0 ? 0 : y * (Math.Log(y) - Eta)) - (y - Math.Exp(Eta)));
}
