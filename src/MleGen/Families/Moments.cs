using System;

namespace MleGen;

/// <summary>Helpers shared by the families' means, variances and unit deviances.</summary>
internal static class Moments
{
    /// <summary>x·log(x/m) with 0·log 0 = 0: the recurring term of the count families' deviances.</summary>
    public static double XLogXOver(double x, double m) => x == 0 ? 0 : x * Math.Log(x / m);

    /// <summary>2·(r − 1 − log r) for r = y/μ: the unit deviance of the gamma family (shape 1), accurate near r = 1.</summary>
    public static double GammaDeviance(double ratio)
    {
        double d = ratio - 1;
        return 2 * (d - Functions.Log1p(d));
    }
}
