using System;

namespace MleGen;

/// <summary>The Bernoulli observation model on the logit scale: p = Logistic(eta) (logistic regression; cross-entropy).</summary>
public readonly struct BernoulliLogit : IObservationFamily, IFamilySupport
{
    /// <summary>
    /// Within |eta| ≤ 4 (1 − p ≥ 0.018) rounding p to a double costs under 1e-14 relative in 1 − p, so the density
    /// delegates to MathNet's Bernoulli; beyond it the plain log-space formula −Softplus(∓eta) keeps full accuracy.
    /// </summary>
    private const double CentralEta = 4;

    /// <summary>Creates the Bernoulli distribution with log-odds <paramref name="eta"/>.</summary>
    /// <param name="eta">The log-odds log(p/(1 − p)); finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eta"/> is not finite.</exception>
    public BernoulliLogit(double eta)
    {
        FamilyArguments.ThrowIfNotFinite(eta);
        Eta = eta;
    }

    /// <summary>The log-odds of 1.</summary>
    public double Eta { get; }

    /// <summary>The observed value is 0 or 1.</summary>
    public static string SupportDescription => Bernoulli.SupportDescription;

    /// <summary>True when <paramref name="y"/> is 0 or 1.</summary>
    public static bool IsInSupport(double y) => Bernoulli.IsInSupport(y);

    /// <summary>log Logistic(eta) for y = 1, log Logistic(−eta) for y = 0, −∞ otherwise.</summary>
    public double LogDensity(double y) => IsInSupport(y) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>log Logistic(eta) for y = 1, log Logistic(−eta) for y = 0, −∞ otherwise.</summary>
    public double LogDensity(int y)
    {
        if (y is not (0 or 1))
        {
            return double.NegativeInfinity;
        }

        if (Math.Abs(Eta) <= CentralEta)
        {
            return MathNet.Numerics.Distributions.Bernoulli.PMFLn(Functions.Logistic(Eta), y);
        }

        // log p = −log(1 + e^−eta), log(1 − p) = −log(1 + e^eta).
        return y == 1 ? -Functions.Softplus(-Eta) : -Functions.Softplus(Eta);
    }

    /// <summary>log Logistic(eta) for true, log Logistic(−eta) for false.</summary>
    public double LogDensity(bool y) => LogDensity(y ? 1 : 0);

    /// <summary>The mean p = Logistic(eta).</summary>
    public double Mean => Functions.Logistic(Eta);

    /// <summary>The variance p(1 − p) = Logistic(eta)·Logistic(−eta).</summary>
    public double Variance => Functions.Logistic(Eta) * Functions.Logistic(-Eta);

    /// <summary>The unit deviance 2·Softplus(−eta) for y = 1, 2·Softplus(eta) for y = 0.</summary>
    public double Deviance(double y) => 2 * Functions.Softplus(y != 0 ? -Eta : Eta);
}
