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
}
