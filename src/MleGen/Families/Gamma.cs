namespace MleGen;

/// <summary>The gamma observation model in the shape–rate parameterization (mean shape/rate).</summary>
public readonly struct Gamma : ICensorableFamily, IFamilySupport
{
    /// <summary>Creates the gamma distribution with density rate^shape·y^(shape−1)·exp(−rate·y)/Γ(shape).</summary>
    /// <param name="shape">The shape; positive and finite.</param>
    /// <param name="rate">The rate (inverse scale); positive and finite.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public Gamma(double shape, double rate)
    {
        FamilyArguments.ThrowIfNotPositive(shape);
        FamilyArguments.ThrowIfNotPositive(rate);
        Shape = shape;
        Rate = rate;
    }

    /// <summary>The shape.</summary>
    public double Shape { get; }

    /// <summary>The rate (inverse scale).</summary>
    public double Rate { get; }

    /// <summary>The observed value is positive.</summary>
    public static string SupportDescription => "a positive finite number";

    /// <summary>True when <paramref name="y"/> is positive and finite.</summary>
    public static bool IsInSupport(double y) => y > 0 && double.IsFinite(y);

    /// <summary>shape·log rate − log Γ(shape) + (shape − 1)·log y − rate·y; −∞ outside y &gt; 0.</summary>
    public double LogDensity(double y) =>
        IsInSupport(y) ? MathNet.Numerics.Distributions.Gamma.PDFLn(Shape, Rate, y) : double.NegativeInfinity;

    /// <summary>The mean shape/rate.</summary>
    public double Mean => Shape / Rate;

    /// <summary>The variance shape/rate².</summary>
    public double Variance => Shape / (Rate * Rate);

    /// <summary>log P(shape, rate·y), the log regularized lower incomplete gamma, exact in both tails; −∞ for y ≤ 0.</summary>
    public double LogCdf(double y) => y > 0 ? Functions.GammaLogCdf(Shape, Rate * y) : double.IsNaN(y) ? double.NaN : double.NegativeInfinity;

    /// <summary>log Q(shape, rate·y), the log regularized upper incomplete gamma, exact in both tails; 0 for y ≤ 0.</summary>
    public double LogCcdf(double y) => y > 0 ? Functions.GammaLogCcdf(Shape, Rate * y) : double.IsNaN(y) ? double.NaN : 0;

    /// <summary>The unit deviance 2·shape·(y/μ − 1 − log(y/μ)), μ = shape/rate, shape held (R's Gamma deviance times the shape, 1/dispersion).</summary>
    public double Deviance(double y) => Shape * Moments.GammaDeviance(y * Rate / Shape);
}
