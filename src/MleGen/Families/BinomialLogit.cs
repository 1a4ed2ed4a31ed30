using System;

namespace MleGen;

/// <summary>The binomial observation model on the logit scale: p = Logistic(eta) (grouped logistic regression).</summary>
public readonly struct BinomialLogit : IObservationFamily
{
    /// <summary>
    /// Within |eta| ≤ 4 rounding p to a double costs under 1e-14 relative in 1 − p, so the density delegates to
    /// MathNet's Binomial; beyond it the plain log-space formula keeps full accuracy.
    /// </summary>
    private const double CentralEta = 4;

    /// <summary>Creates the binomial distribution with <paramref name="trials"/> trials and log-odds <paramref name="eta"/>.</summary>
    /// <param name="trials">The number of trials (data, not a parameter); non-negative.</param>
    /// <param name="eta">The log-odds of a success; finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range or not finite.</exception>
    public BinomialLogit(int trials, double eta)
    {
        FamilyArguments.ThrowIfNegative(trials);
        FamilyArguments.ThrowIfNotFinite(eta);
        Trials = trials;
        Eta = eta;
    }

    /// <summary>The number of trials.</summary>
    public int Trials { get; }

    /// <summary>The log-odds of a success.</summary>
    public double Eta { get; }

    /// <summary>The observed value is a count of successes.</summary>
    public static string SupportDescription => Binomial.SupportDescription;

    /// <summary>True when <paramref name="y"/> is an integer in [0, <paramref name="trials"/>].</summary>
    public static bool IsInSupport(double y, int trials) => Support.IsIntegerUpTo(y, trials);

    /// <summary>log C(n, y) + y·log p + (n − y)·log(1 − p) with p = Logistic(eta); −∞ outside 0..n or for a non-integer.</summary>
    public double LogDensity(double y) => IsInSupport(y, Trials) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>log C(n, y) + y·log p + (n − y)·log(1 − p) with p = Logistic(eta); −∞ outside 0..n.</summary>
    public double LogDensity(int y)
    {
        if (y < 0 || y > Trials)
        {
            return double.NegativeInfinity;
        }

        if (Math.Abs(Eta) <= CentralEta)
        {
            return MathNet.Numerics.Distributions.Binomial.PMFLn(Functions.Logistic(Eta), Trials, y);
        }

        // log p = −Softplus(−eta), log(1 − p) = −Softplus(eta).
        return Functions.LogBinomialCoefficient(Trials, y)
            - (y * Functions.Softplus(-Eta))
            - ((Trials - y) * Functions.Softplus(Eta));
    }
}
