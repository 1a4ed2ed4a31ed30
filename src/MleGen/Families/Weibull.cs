using System;

namespace MleGen;

/// <summary>
/// The Weibull observation model with shape k and scale λ: density (k/λ)(y/λ)^(k−1)·exp(−(y/λ)^k) on y &gt; 0.
/// </summary>
/// <remarks>
/// The support excludes 0 (as R's <c>MASS::fitdistr</c> and <c>survreg</c> do): there the density is 0, 1/λ or ∞
/// as k is above, at or below 1, so an observation of 0 makes the likelihood 0 or unbounded in k and the
/// maximum-likelihood estimate does not exist.
/// </remarks>
public readonly struct Weibull : ICensorableFamily, IFamilySupport
{
    /// <summary>Creates the Weibull distribution (R's <c>dweibull(shape, scale)</c>).</summary>
    /// <param name="shape">The shape k; positive and finite.</param>
    /// <param name="scale">The scale λ; positive and finite.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A parameter is out of range or NaN.</exception>
    public Weibull(double shape, double scale)
    {
        FamilyArguments.ThrowIfNotPositive(shape);
        FamilyArguments.ThrowIfNotPositive(scale);
        Shape = shape;
        Scale = scale;
    }

    /// <summary>The shape k.</summary>
    public double Shape { get; }

    /// <summary>The scale λ.</summary>
    public double Scale { get; }

    /// <summary>The observed value is positive (see the remarks on 0).</summary>
    public static string SupportDescription => "a positive finite number";

    /// <summary>True when <paramref name="y"/> is positive and finite.</summary>
    public static bool IsInSupport(double y) => y > 0 && double.IsFinite(y);

    /// <summary>log(k/λ) + (k − 1)·log(y/λ) − (y/λ)^k; −∞ outside y &gt; 0.</summary>
    public double LogDensity(double y)
    {
        if (!IsInSupport(y))
        {
            return double.NegativeInfinity;
        }

        // MathNet evaluates log k + (k − 1)·log(y/λ) − y^k·λ^(−k) − log λ; use it while every power is representable.
        double yPower = Math.Pow(y, Shape);
        double scalePower = Math.Pow(Scale, -Shape);
        double ratio = y / Scale;
        if (IsPositiveFinite(yPower) && IsPositiveFinite(scalePower) && IsPositiveFinite(ratio))
        {
            return MathNet.Numerics.Distributions.Weibull.PDFLn(Shape, Scale, y);
        }

        // Otherwise (extreme shape or scale) the same density as log k − log y + t − eᵗ with t = k·log(y/λ), which
        // never forms 0·∞; t = +∞ means eᵗ wins.
        double logRatio = IsPositiveFinite(ratio) ? Math.Log(ratio) : Math.Log(y) - Math.Log(Scale);
        double t = Shape * logRatio;
        return double.IsPositiveInfinity(t) ? double.NegativeInfinity : Math.Log(Shape) - Math.Log(y) + t - Math.Exp(t);
    }

    private static bool IsPositiveFinite(double value) => value > 0 && double.IsFinite(value);

    /// <summary>The mean scale·Γ(1 + 1/shape).</summary>
    public double Mean => Scale * Math.Exp(Functions.LogGamma(1 + (1 / Shape)));

    /// <summary>The variance scale²·(Γ(1 + 2/shape) − Γ(1 + 1/shape)²).</summary>
    public double Variance
    {
        get
        {
            double g1 = Math.Exp(Functions.LogGamma(1 + (1 / Shape)));
            double g2 = Math.Exp(Functions.LogGamma(1 + (2 / Shape)));
            return Scale * Scale * (g2 - (g1 * g1));
        }
    }

    /// <summary>log(1 − exp(−(y/λ)^k)), exact for small and large (y/λ)^k; −∞ for y ≤ 0.</summary>
    public double LogCdf(double y) => y > 0 ? Functions.Log1mExp(Power(y)) : double.IsNaN(y) ? double.NaN : double.NegativeInfinity;

    /// <summary>−(y/λ)^k (0 for y ≤ 0).</summary>
    public double LogCcdf(double y) => y > 0 ? -Power(y) : double.IsNaN(y) ? double.NaN : 0;

    /// <summary>(y/λ)^k as exp(k·log(y/λ)), as the generated code forms it.</summary>
    private double Power(double y) => Math.Exp(Shape * (Math.Log(y) - Math.Log(Scale)));
}
