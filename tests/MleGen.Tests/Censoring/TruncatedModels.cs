using System;
using MathNet.Numerics;
using MleGen.Tests.EndToEnd.Models;

namespace MleGen.Tests.Censoring;

// Truncated likelihoods; the oracles renormalize the families' own LogDensity by their own LogCdf/LogCcdf (continuous)
// or by 1 − Σ_{k ≤ L} p(k) summed from Poisson.LogDensity (discrete), independently of the generated code.

/// <summary>A normal regression observed only inside (Lower, Upper[i]].</summary>
[Model]
public partial class TruncatedNormalModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal Normal Observation(int i) => new(A + (B * x[i]), Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower)));
        }

        return nll;
    }
}

/// <summary>Survival with delayed entry (left truncation at Entry[i]) and right censoring.</summary>
[Model]
public partial class TruncatedWeibullModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Entry { get; init; }
    [Data] public required bool[] Right { get; init; }
    [Param(Lower = 0)] public double Shape = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), RightCensored = nameof(Right), TruncatedBelow = nameof(Entry))]
    internal Weibull Observation(int i) => new(Shape, Math.Exp(A + (B * x[i])));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= (Right[i] ? f.LogCcdf(Y[i]) : f.LogDensity(Y[i])) - f.LogCcdf(Entry[i]);
        }

        return nll;
    }
}

/// <summary>A Poisson regression of counts above Bound[i] (0 for the zero-truncated Poisson).</summary>
[Model]
public partial class TruncatedPoissonModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Data] public required double[] Bound { get; init; }
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Bound))]
    internal PoissonLog Observation(int i) => new(A + (B * x[i]));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            double below = 0;
            for (int k = 0; k <= (int)Bound[i]; k++)
            {
                below += Math.Exp(f.LogDensity(k));
            }

            nll -= f.LogDensity(Y[i]) - Math.Log(1 - below);
        }

        return nll;
    }
}
