namespace MleGen;

/// <summary>The exponential observation model with density rate·exp(−rate·y) on y ≥ 0.</summary>
public readonly struct Exponential : ICensorableFamily, IFamilySupport
{
    /// <summary>Creates the exponential distribution with the given <paramref name="rate"/> (mean 1/rate).</summary>
    /// <param name="rate">The rate; positive and finite.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="rate"/> is out of range or NaN.</exception>
    public Exponential(double rate)
    {
        FamilyArguments.ThrowIfNotPositive(rate);
        Rate = rate;
    }

    /// <summary>The rate (inverse mean).</summary>
    public double Rate { get; }

    /// <summary>The observed value is non-negative.</summary>
    public static string SupportDescription => "a non-negative finite number";

    /// <summary>True when <paramref name="y"/> is non-negative and finite.</summary>
    public static bool IsInSupport(double y) => y >= 0 && double.IsFinite(y);

    /// <summary>log rate − rate·y; −∞ outside y ≥ 0.</summary>
    public double LogDensity(double y) =>
        IsInSupport(y) ? MathNet.Numerics.Distributions.Exponential.PDFLn(Rate, y) : double.NegativeInfinity;

    /// <summary>The mean 1/rate.</summary>
    public double Mean => 1 / Rate;

    /// <summary>The variance 1/rate².</summary>
    public double Variance => 1 / (Rate * Rate);

    /// <summary>The unit deviance 2·(y·rate − 1 − log(y·rate)) (the gamma family's with shape 1).</summary>
    public double Deviance(double y) => Moments.GammaDeviance(y * Rate);

    /// <summary>log(1 − e^−rate·y), exact for small and large rate·y; −∞ for y ≤ 0.</summary>
    public double LogCdf(double y) => y > 0 ? Functions.Log1mExp(Rate * y) : double.IsNaN(y) ? double.NaN : double.NegativeInfinity;

    /// <summary>−rate·y (0 for y ≤ 0).</summary>
    public double LogCcdf(double y) => y > 0 ? -Rate * y : double.IsNaN(y) ? double.NaN : 0;
}
