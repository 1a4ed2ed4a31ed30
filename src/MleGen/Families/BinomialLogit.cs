using System;

namespace MleGen;

/// <summary>The binomial observation model on the logit scale: p = Logistic(eta) (grouped logistic regression).</summary>
public readonly struct BinomialLogit : IObservationFamily, IBoundedFamilySupport
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

    /// <summary>The mean n·Logistic(eta) (a count of successes).</summary>
    public double Mean => Trials * Functions.Logistic(Eta);

    /// <summary>The variance n·p(1 − p).</summary>
    public double Variance => Trials * Functions.Logistic(Eta) * Functions.Logistic(-Eta);

    /// <summary>The unit deviance 2·(y·log(y/μ) + (n − y)·log((n − y)/(n − μ))), μ = n·Logistic(eta), in log space.</summary>
    public double Deviance(double y)
    {
        // y·log(y/(n p)) = y·(log(y/n) + Softplus(−eta)); (n − y)·log((n − y)/(n(1 − p))) likewise with Softplus(eta).
        double failures = Trials - y;
        double success = y == 0 ? 0 : y * (Math.Log(y / Trials) + Functions.Softplus(-Eta));
        double failure = failures == 0 ? 0 : failures * (Math.Log(failures / Trials) + Functions.Softplus(Eta));
        return 2 * (success + failure);
    }
}
