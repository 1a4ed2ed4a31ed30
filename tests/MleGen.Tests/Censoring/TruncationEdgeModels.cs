using System;
using MleGen.Tests.EndToEnd.Models;

namespace MleGen.Tests.Censoring;

// Truncated models and their untruncated twins (same family, same data, same parameters in the same order), for the
// rule that a truncation bound at or beyond the edge of the family's support is no truncation. The oracles renormalize
// the runtime family's LogDensity by its own LogCdf/LogCcdf at the bounds as given (the CDF's value at the edge, not a
// special case), or by 1 − Σ_{k ≤ L} p(k) for a count.

/// <summary>A Normal regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedNormal : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
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
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedNormal"/>.</summary>
[Model]
public partial class EdgePlainNormal
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(A + (B * x[i]), Scale);
}

/// <summary>A Cauchy regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedCauchy : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal Cauchy Observation(int i) => new(A + (B * x[i]), Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedCauchy"/>.</summary>
[Model]
public partial class EdgePlainCauchy
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Cauchy Observation(int i) => new(A + (B * x[i]), Scale);
}

/// <summary>A Gumbel regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedGumbel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal Gumbel Observation(int i) => new(A + (B * x[i]), Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedGumbel"/>.</summary>
[Model]
public partial class EdgePlainGumbel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Gumbel Observation(int i) => new(A + (B * x[i]), Scale);
}

/// <summary>A Laplace regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedLaplace : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal Laplace Observation(int i) => new(A + (B * x[i]), Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedLaplace"/>.</summary>
[Model]
public partial class EdgePlainLaplace
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Laplace Observation(int i) => new(A + (B * x[i]), Scale);
}

/// <summary>A StudentT regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedStudentT : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Nu = 4;
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal StudentT Observation(int i) => new(Nu, A + (B * x[i]), Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedStudentT"/>.</summary>
[Model]
public partial class EdgePlainStudentT
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Nu = 4;
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal StudentT Observation(int i) => new(Nu, A + (B * x[i]), Scale);
}

/// <summary>A LogNormal regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedLogNormal : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal LogNormal Observation(int i) => new(A + (B * x[i]), Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedLogNormal"/>.</summary>
[Model]
public partial class EdgePlainLogNormal
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal LogNormal Observation(int i) => new(A + (B * x[i]), Scale);
}

/// <summary>A Weibull regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedWeibull : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Shape = 1.5;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal Weibull Observation(int i) => new(Shape, Math.Exp(A + (B * x[i])));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedWeibull"/>.</summary>
[Model]
public partial class EdgePlainWeibull
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Shape = 1.5;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Weibull Observation(int i) => new(Shape, Math.Exp(A + (B * x[i])));
}

/// <summary>A Gamma regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedGamma : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Shape = 2;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal Gamma Observation(int i) => new(Shape, Math.Exp(A + (B * x[i])));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedGamma"/>.</summary>
[Model]
public partial class EdgePlainGamma
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Shape = 2;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Gamma Observation(int i) => new(Shape, Math.Exp(A + (B * x[i])));
}

/// <summary>A Exponential regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedExponential : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal Exponential Observation(int i) => new(Math.Exp(A + (B * x[i])));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedExponential"/>.</summary>
[Model]
public partial class EdgePlainExponential
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Exponential Observation(int i) => new(Math.Exp(A + (B * x[i])));
}

/// <summary>A Poisson regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedPoisson : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower))]
    #pragma warning disable MLE0108 // on purpose: the plain Poisson family's edge (PoissonLog has its own twin)
    internal Poisson Observation(int i) => new(Math.Exp(A + (B * x[i])));
    #pragma warning restore MLE0108

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            double below = 0;
            for (int k = 0; k <= Lower[i]; k++)
            {
                below += Math.Exp(f.LogDensity(k));
            }

            nll -= f.LogDensity(Y[i]) - Math.Log(1 - below);
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedPoisson"/>.</summary>
[Model]
public partial class EdgePlainPoisson
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    #pragma warning disable MLE0108 // on purpose: the plain Poisson family's edge (PoissonLog has its own twin)
    internal Poisson Observation(int i) => new(Math.Exp(A + (B * x[i])));
    #pragma warning restore MLE0108
}

/// <summary>A PoissonLog regression truncated to its rows' bounds (at the support's edges in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedPoissonLog : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower))]
    internal PoissonLog Observation(int i) => new(A + (B * x[i]));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            double below = 0;
            for (int k = 0; k <= Lower[i]; k++)
            {
                below += Math.Exp(f.LogDensity(k));
            }

            nll -= f.LogDensity(Y[i]) - Math.Log(1 - below);
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedPoissonLog"/>.</summary>
[Model]
public partial class EdgePlainPoissonLog
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal PoissonLog Observation(int i) => new(A + (B * x[i]));
}

/// <summary>A two-component normal mixture truncated to its rows' bounds.</summary>
[Model]
public partial class EdgeTruncatedNormalMixture : IOracleModel
{
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Simplex = true)] public double[] Weights = [];
    [Param] public double[] Means = [];
    #pragma warning disable MLE0102 // a plain ML mixture, evaluated at fixed points, never fitted
    [Param(Lower = 0)] public double[] Sds = [];
    #pragma warning restore MLE0102

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal NormalMixture Observation(int i) => new(Weights, Means, Sds);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Upper[i])) - Math.Exp(f.LogCdf(Lower[i])));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedNormalMixture"/>.</summary>
[Model]
public partial class EdgePlainNormalMixture
{
    [Data] public required double[] Y { get; init; }
    [Param(Simplex = true)] public double[] Weights = [];
    [Param] public double[] Means = [];
    #pragma warning disable MLE0102 // as above
    [Param(Lower = 0)] public double[] Sds = [];
    #pragma warning restore MLE0102

    [Likelihood(nameof(Y))]
    internal NormalMixture Observation(int i) => new(Weights, Means, Sds);
}

/// <summary>A Beta sample truncated to its rows' bounds (at the support's edges 0 and 1 in the edge tests).</summary>
[Model]
public partial class EdgeTruncatedBeta : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] Lower { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Shape = 2;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal Beta Observation(int i) => new(Shape, Math.Exp(A + (B * x[i])));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var f = Observation(i);
            // The bounds clamped to [0, 1]: the runtime CDF's own values at the edges (−∞ and 0 in the log).
            nll -= f.LogDensity(Y[i]) - Math.Log(Math.Exp(f.LogCdf(Math.Clamp(Upper[i], 0, 1))) - Math.Exp(f.LogCdf(Math.Clamp(Lower[i], 0, 1))));
        }

        return nll;
    }
}

/// <summary>The untruncated twin of <see cref="EdgeTruncatedBeta"/>.</summary>
[Model]
public partial class EdgePlainBeta
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Shape = 2;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Beta Observation(int i) => new(Shape, Math.Exp(A + (B * x[i])));
}
