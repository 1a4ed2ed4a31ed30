using System;
using NormalDistribution = MathNet.Numerics.Distributions.Normal;

namespace MleGen.Plots;

/// <summary>The numbers behind a normal Q–Q plot, as R computes them.</summary>
internal static class QuantileMath
{
    /// <summary>qnorm(ppoints(n)): ppoints uses a = 3/8 for n ≤ 10 and 1/2 above (Blom; R's stats::ppoints).</summary>
    public static double[] NormalPlottingPositions(int n)
    {
        double a = n <= 10 ? 3.0 / 8 : 0.5;
        var q = new double[n];
        for (int k = 0; k < n; k++)
        {
            q[k] = NormalDistribution.InvCDF(0, 1, (k + 1 - a) / (n + 1 - (2 * a)));
        }

        return q;
    }

    /// <summary>R's qqline: the line through the first and third quartiles of the sorted sample (quantile type 7) and of the standard normal.</summary>
    public static (double Slope, double Intercept) QuartileLine(double[] sorted)
    {
        double q1 = Type7(sorted, 0.25), q3 = Type7(sorted, 0.75);
        double z1 = NormalDistribution.InvCDF(0, 1, 0.25), z3 = NormalDistribution.InvCDF(0, 1, 0.75);
        double slope = (q3 - q1) / (z3 - z1);
        return (slope, q1 - (slope * z1));
    }

    /// <summary>Quantile type 7 (R's default): linear interpolation at h = (n − 1)p.</summary>
    public static double Type7(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
