using System;

namespace MleGen;

/// <summary>The Weibull observation model with shape k and scale λ: density (k/λ)(y/λ)^(k−1)·exp(−(y/λ)^k) on y ≥ 0.</summary>
public readonly struct Weibull : IObservationFamily
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

    /// <summary>The observed value is non-negative.</summary>
    public static string SupportDescription => "a non-negative finite number";

    /// <summary>True when <paramref name="y"/> is non-negative and finite.</summary>
    public static bool IsInSupport(double y) => y >= 0 && double.IsFinite(y);

    /// <summary>log(k/λ) + (k − 1)·log(y/λ) − (y/λ)^k; −∞ outside y ≥ 0 (and +∞ at y = 0 when k &lt; 1).</summary>
    public double LogDensity(double y)
    {
        if (!IsInSupport(y))
        {
            return double.NegativeInfinity;
        }

        if (y == 0)
        {
            // The limit of y^(k−1) at the boundary, taken exactly rather than through log 0.
            return Shape < 1 ? double.PositiveInfinity : Shape == 1 ? -Math.Log(Scale) : double.NegativeInfinity;
        }

        // MathNet evaluates y^k·λ^(−k); when λ^k over- or underflows (say k = 1e6) that is 0·∞, so use the
        // plain formula in terms of y/λ there.
        double scalePower = Math.Pow(Scale, Shape);
        if (scalePower > 0 && double.IsFinite(scalePower))
        {
            return MathNet.Numerics.Distributions.Weibull.PDFLn(Shape, Scale, y);
        }

        double ratio = y / Scale;
        return Math.Log(Shape / Scale) + ((Shape - 1) * Math.Log(ratio)) - Math.Pow(ratio, Shape);
    }
}
