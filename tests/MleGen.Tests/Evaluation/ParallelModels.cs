using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.Evaluation;

/// <summary>A logistic regression big enough for the parallel path.</summary>
[Model]
public partial class BigLogistic
{
    [Data] public required double[,] X;
    [Data] public required int[] Y;

    [Param] public double Intercept;
    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    BernoulliLogit Observation(int i) => new(Intercept + Dot(Beta, X, i));
}

/// <summary>Two terms of different sizes, so chunks of both terms interleave in the reduction.</summary>
[Model]
public partial class BigTwoTerms
{
    [Data] public required double[] X;
    [Data] public required double[] Y;
    [Data] public required int[] Counts;

    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    Normal Level(int i) => new(A + B * X[i], Sigma);

    [Likelihood(nameof(Counts))]
    PoissonLog Count(int i) => new(A - B * X[i % X.Length]);
}
