using System;

namespace MleGen;

/// <summary>The Bernoulli observation model on the probit scale: p = Φ(eta) (probit regression).</summary>
public readonly struct BernoulliProbit : IObservationFamily, IFamilySupport
{
    /// <summary>
    /// Within |eta| ≤ 2 (1 − p ≥ 0.022) rounding p to a double costs under 1e-14 relative in 1 − p, so the density
    /// delegates to MathNet's Bernoulli; beyond it the plain log-space formula LogPhi(±eta) keeps full accuracy.
    /// </summary>
    private const double CentralEta = 2;

    /// <summary>Creates the Bernoulli distribution with success probability Φ(<paramref name="eta"/>).</summary>
    /// <param name="eta">The probit Φ⁻¹(p); finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eta"/> is not finite.</exception>
    public BernoulliProbit(double eta)
    {
        FamilyArguments.ThrowIfNotFinite(eta);
        Eta = eta;
    }

    /// <summary>The probit of the probability of 1.</summary>
    public double Eta { get; }

    /// <summary>The observed value is 0 or 1.</summary>
    public static string SupportDescription => Bernoulli.SupportDescription;

    /// <summary>True when <paramref name="y"/> is 0 or 1.</summary>
    public static bool IsInSupport(double y) => Bernoulli.IsInSupport(y);

    /// <summary>log Φ(eta) for y = 1, log Φ(−eta) for y = 0, −∞ otherwise.</summary>
    public double LogDensity(double y) => IsInSupport(y) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>log Φ(eta) for y = 1, log Φ(−eta) for y = 0, −∞ otherwise.</summary>
    public double LogDensity(int y)
    {
        if (y is not (0 or 1))
        {
            return double.NegativeInfinity;
        }

        if (Math.Abs(Eta) <= CentralEta)
        {
            return MathNet.Numerics.Distributions.Bernoulli.PMFLn(Functions.Phi(Eta), y);
        }

        // 1 − Φ(eta) = Φ(−eta), taken in log space.
        return y == 1 ? Functions.LogPhi(Eta) : Functions.LogPhi(-Eta);
    }

    /// <summary>log Φ(eta) for true, log Φ(−eta) for false.</summary>
    public double LogDensity(bool y) => LogDensity(y ? 1 : 0);

    /// <summary>The mean p = Φ(eta).</summary>
    public double Mean => Functions.Phi(Eta);

    /// <summary>The variance Φ(eta)·Φ(−eta).</summary>
    public double Variance => Functions.Phi(Eta) * Functions.Phi(-Eta);

    /// <summary>The unit deviance −2·log Φ(eta) for y = 1, −2·log Φ(−eta) for y = 0.</summary>
    public double Deviance(double y) => -2 * Functions.LogPhi(y != 0 ? Eta : -Eta);
}
