namespace MleGen;

/// <summary>The Poisson observation model for counts.</summary>
public readonly struct Poisson : IObservationFamily, IFamilySupport
{
    /// <summary>Creates the Poisson distribution with mean <paramref name="rate"/>.</summary>
    /// <param name="rate">The mean; non-negative and finite (0 puts all mass on 0).</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="rate"/> is out of range or NaN.</exception>
    public Poisson(double rate)
    {
        FamilyArguments.ThrowIfNegative(rate);
        Rate = rate;
    }

    /// <summary>The mean.</summary>
    public double Rate { get; }

    /// <summary>The observed value is a count.</summary>
    public static string SupportDescription => "a non-negative integer";

    /// <summary>True when <paramref name="y"/> is a non-negative integer (up to <see cref="int.MaxValue"/>).</summary>
    public static bool IsInSupport(double y) => Support.IsCount(y);

    /// <summary>y·log rate − rate − log y!; −∞ outside the non-negative integers.</summary>
    public double LogDensity(double y) => IsInSupport(y) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>y·log rate − rate − log y!; −∞ for a negative count.</summary>
    public double LogDensity(int y)
    {
        if (y < 0)
        {
            return double.NegativeInfinity;
        }

        if (Rate == 0)
        {
            // The degenerate distribution at 0 (R: dpois(0, 0) = 1); MathNet requires a positive rate.
            return y == 0 ? 0 : double.NegativeInfinity;
        }

        return MathNet.Numerics.Distributions.Poisson.PMFLn(Rate, y);
    }

    /// <summary>The mean, the rate.</summary>
    public double Mean => Rate;

    /// <summary>The variance, the rate.</summary>
    public double Variance => Rate;

    /// <summary>The unit deviance 2·(y·log(y/rate) − (y − rate)).</summary>
    public double Deviance(double y) => 2 * (Moments.XLogXOver(y, Rate) - (y - Rate));
}
