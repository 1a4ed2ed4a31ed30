using System;
using System.ComponentModel;
using MathNet.Numerics;

namespace MleGen;

/// <summary>
/// The negative log prior densities of the prior attributes for one scalar, with first and second
/// derivatives; generated code calls these elementwise. Normalized densities except the penalties
/// <c>L2</c>, <c>L1</c> and <c>ElasticNet</c>, which are the penalty itself (no constant). Non-smooth
/// parts (Laplace, L1) are not here: they are reported by <see cref="IMleModel.GetL1Penalty"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PriorTerms
{
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562; // ½·log(2π)

    /// <summary>−log N(x; mean, sd²).</summary>
    public static double Normal(double x, double mean, double sd, out double gradient, out double hessian)
    {
        double z = (x - mean) / sd;
        gradient = z / sd;
        hessian = 1 / (sd * sd);
        return HalfLogTwoPi + Math.Log(sd) + 0.5 * z * z;
    }

    /// <summary>The smooth part of −log Laplace(x; location, scale): log(2·scale). The |x − location|/scale part is an L1 penalty.</summary>
    public static double LaplaceConstant(double scale, out double gradient, out double hessian)
    {
        gradient = 0;
        hessian = 0;
        return Math.Log(2 * scale);
    }

    /// <summary>−log Cauchy(x; location, scale).</summary>
    public static double Cauchy(double x, double location, double scale, out double gradient, out double hessian)
    {
        double z = (x - location) / scale;
        double q = 1 + z * z;
        gradient = 2 * z / (scale * q);
        hessian = 2 * (1 - z * z) / (scale * scale * q * q);
        return Math.Log(Math.PI * scale) + Math.Log(q);
    }

    /// <summary>−log HalfNormal(x; sd) for x ≥ 0 (+∞ below 0).</summary>
    public static double HalfNormal(double x, double sd, out double gradient, out double hessian)
    {
        gradient = x / (sd * sd);
        hessian = 1 / (sd * sd);
        return x < 0 ? double.PositiveInfinity : HalfLogTwoPi - Math.Log(2) + Math.Log(sd) + 0.5 * (x / sd) * (x / sd);
    }

    /// <summary>−log Gamma(x; shape, rate) for x &gt; 0 (+∞ otherwise).</summary>
    public static double Gamma(double x, double shape, double rate, out double gradient, out double hessian)
    {
        gradient = -(shape - 1) / x + rate;
        hessian = (shape - 1) / (x * x);
        return x <= 0 ? double.PositiveInfinity : -shape * Math.Log(rate) + SpecialFunctions.GammaLn(shape) - (shape - 1) * Math.Log(x) + rate * x;
    }

    /// <summary>The ridge penalty λ/2·x² (the smooth part of an elastic net with λ·(1 − l1Ratio)).</summary>
    public static double Ridge(double x, double lambda, out double gradient, out double hessian)
    {
        gradient = lambda * x;
        hessian = lambda;
        return 0.5 * lambda * x * x;
    }
}
