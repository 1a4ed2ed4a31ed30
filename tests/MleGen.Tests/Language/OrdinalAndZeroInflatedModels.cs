using System;
using MleGen.Tests.EndToEnd.Models;

namespace MleGen.Tests.Language;

// The new families as regressions; each oracle sums the runtime struct's own LogDensity (plain C#).

[Model]
public partial class OrderedLogisticModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Data] public required double[] W { get; init; }
    [Param] public double B;
    [Param(Ordered = true)] public double[] Cuts = [-1, 0, 1.5];

    [Likelihood(nameof(Y), Weights = nameof(W))]
    internal OrderedLogistic Observation(int i) => new(B * x[i], Cuts);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= W[i] * Observation(i).LogDensity(Y[i]);
        }

        return nll;
    }
}

/// <summary>Known cut points (data): the expected information has only the linear predictor's block.</summary>
[Model]
public partial class OrderedLogisticKnownCutsModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Data] public required double[] Cuts { get; init; }
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal OrderedLogistic Observation(int i) => new(A + (B * x[i]), Cuts);
}

[Model]
public partial class ZeroInflatedPoissonModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param] public double G;

    [Likelihood(nameof(Y))]
    internal ZeroInflatedPoisson Observation(int i) => new(Functions.Logistic(G - x[i]), Math.Exp(A + B * x[i]));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= Observation(i).LogDensity(Y[i]);
        }

        return nll;
    }
}

[Model]
public partial class ZeroInflatedNegativeBinomialModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0, Upper = 1)] public double Pi = 0.3;
    [Param(Lower = 0)] public double Phi = 2;

    [Likelihood(nameof(Y))]
    internal ZeroInflatedNegativeBinomial Observation(int i) => new(Pi, Math.Exp(A + B * x[i]), Phi);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= Observation(i).LogDensity(Y[i]);
        }

        return nll;
    }
}
