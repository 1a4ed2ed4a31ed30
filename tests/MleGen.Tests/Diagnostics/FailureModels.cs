using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.Diagnostics;

/// <summary>y ~ Normal(Intercept + X·Beta, Sigma).</summary>
[Model]
public partial class LinearFailureModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double Intercept;
    [Param] public double[] Beta = [];
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(Intercept + Dot(Beta, X, i), Sigma);
}

/// <summary>y ~ BernoulliLogit(Intercept + X·Beta).</summary>
[Model]
public partial class LogisticFailureModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double Intercept;
    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    internal BernoulliLogit Observation(int i) => new(Intercept + Dot(Beta, X, i));
}

/// <summary>y ~ PoissonLog(Intercept + X·Beta).</summary>
[Model]
public partial class PoissonFailureModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double Intercept;
    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    internal PoissonLog Observation(int i) => new(Intercept + Dot(Beta, X, i));
}

/// <summary>y ~ NegativeBinomial(exp(Intercept + X·Beta), Theta).</summary>
[Model]
public partial class NegativeBinomialFailureModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double Intercept;
    [Param] public double[] Beta = [];
    [Param(Lower = 0)] public double Theta = 1;

    [Likelihood(nameof(Y))]
    internal NegativeBinomial Observation(int i) => new(Math.Exp(Intercept + Dot(Beta, X, i)), Theta);
}

/// <summary>y ~ Bernoulli(P), P in (0, 1).</summary>
[Model]
public partial class BernoulliRateModel
{
    [Data] public required int[] Y { get; init; }
    [Param(Lower = 0, Upper = 1)] public double P = 0.5;

    [Likelihood(nameof(Y))]
    internal Bernoulli Observation(int i) => new(P);
}

/// <summary>y ~ Σₖ Weights[k]·N(Means[k], Sds[k]²), the plain maximum-likelihood mixture.</summary>
[Model]
public partial class MixtureFailureModel
{
    [Data] public required double[] Y { get; init; }
    [Param(Simplex = true)] public double[] Weights = [];
    [Param] public double[] Means = [];
#pragma warning disable MLE0102 // on purpose: the unbounded mixture whose collapse MLE1002 reports
    [Param(Lower = 0)] public double[] Sds = [];
#pragma warning restore MLE0102

    [Likelihood(nameof(Y))]
    internal NormalMixture Observation(int i) => new(Weights, Means, Sds);
}

/// <summary>A scale declared without <c>Lower = 0</c>: a start below zero is outside the family's support.</summary>
[Model]
public partial class UnboundedScaleModel
{
    [Data] public double[] Y = [];
    [Param] public double Location;
    [Param] public double Scale = 1;

    [Likelihood(nameof(Y))]
    public Normal Observation(int i) => new(Location, Scale);
}
