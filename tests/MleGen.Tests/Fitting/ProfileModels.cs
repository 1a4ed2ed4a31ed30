using System;
using MleGen;

namespace MleGen.Tests.Fitting;

/// <summary>y ~ Categorical(P), P a simplex parameter (the logits log P: a softmax of them is P).</summary>
[Model]
public partial class SimplexCategoricalModel
{
    [Data] public required int[] Y { get; init; }
    [Param(Simplex = true)] public double[] P = [];

    [Likelihood(nameof(Y))]
    internal CategoricalLogits Observation(int i) => CategoricalLogits.Of(P.Length, k => Math.Log(P[k]));
}

/// <summary>y ~ Normal(Mu, Sigma) with Mu ≥ 0: on data with a negative mean the estimate sits on the bound.</summary>
[Model]
public partial class NonNegativeMeanModel
{
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Mu = 1;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(Mu, Sigma);
}
