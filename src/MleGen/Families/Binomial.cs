namespace MleGen;

/// <summary>The binomial observation model: the number of successes in <see cref="Trials"/> independent trials.</summary>
public readonly struct Binomial : IObservationFamily, IBoundedFamilySupport
{
    /// <summary>Creates the binomial distribution with <paramref name="trials"/> trials of success probability <paramref name="p"/>.</summary>
    /// <param name="trials">The number of trials (data, not a parameter); non-negative.</param>
    /// <param name="p">The success probability; in [0, 1].</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public Binomial(int trials, double p)
    {
        FamilyArguments.ThrowIfNegative(trials);
        FamilyArguments.ThrowIfNotProbability(p);
        Trials = trials;
        P = p;
    }

    /// <summary>The number of trials.</summary>
    public int Trials { get; }

    /// <summary>The success probability.</summary>
    public double P { get; }

    /// <summary>The observed value is a count of successes.</summary>
    public static string SupportDescription => "an integer between 0 and the number of trials";

    /// <summary>True when <paramref name="y"/> is an integer in [0, <paramref name="trials"/>].</summary>
    public static bool IsInSupport(double y, int trials) => Support.IsIntegerUpTo(y, trials);

    /// <summary>log C(n, y) + y·log p + (n − y)·log(1 − p); −∞ outside 0..n or for a non-integer.</summary>
    public double LogDensity(double y) => IsInSupport(y, Trials) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>log C(n, y) + y·log p + (n − y)·log(1 − p); −∞ outside 0..n.</summary>
    public double LogDensity(int y) =>
        y >= 0 && y <= Trials
            ? MathNet.Numerics.Distributions.Binomial.PMFLn(P, Trials, y)
            : double.NegativeInfinity;

    /// <summary>The mean n·p (a count of successes).</summary>
    public double Mean => Trials * P;

    /// <summary>The variance n·p(1 − p).</summary>
    public double Variance => Trials * P * (1 - P);

    /// <summary>The unit deviance 2·(y·log(y/μ) + (n − y)·log((n − y)/(n − μ))), μ = n·p.</summary>
    public double Deviance(double y) => 2 * (Moments.XLogXOver(y, Trials * P) + Moments.XLogXOver(Trials - y, Trials * (1 - P)));
}
