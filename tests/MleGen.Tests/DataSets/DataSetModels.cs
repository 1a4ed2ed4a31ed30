using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.DataSets;

/// <summary>Group means: int data used as an index into a parameter vector.</summary>
[Model]
public partial class GroupMeansModel
{
    [Data] public int[] G = [];
    [Data] public double[] Y = [];
    [Param] public double[] Mu = new double[3];
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(Mu[G[i]], Sigma);
}

/// <summary>int data used as an index into a data vector (a per-group offset).</summary>
[Model]
public partial class GroupOffsetModel
{
    [Data] public int[] G = [];
    [Data] public double[] Offset = [];
    [Data] public double[] Y = [];
    [Param] public double A;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(A + Offset[G[i]], Sigma);
}

/// <summary>A negative group means "no group": the index is read only under the guard.</summary>
[Model]
public partial class GuardedGroupModel
{
    [Data] public int[] G = [];
    [Data] public double[] Y = [];
    [Param] public double[] Mu = new double[2];
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(G[i] >= 0 ? Mu[G[i]] : 0, Sigma);
}

/// <summary>A lead: y[i] on x[i + 1] (x must have one more element than y).</summary>
[Model]
public partial class LeadModel
{
    [Data] public double[] X = [];
    [Data] public double[] Y = [];
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(A + B * X[i + 1], Sigma);
}

/// <summary>Reads the second column of X.</summary>
[Model]
public partial class SecondColumnModel
{
    [Data] public double[,] X = new double[0, 0];
    [Data] public double[] Y = [];
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(A + B * X[i, 1], Sigma);
}

/// <summary>Poisson regression with an exposure offset: log(Exposure) must be finite.</summary>
[Model]
public partial class ExposureModel
{
    [Data] public double[] X = [];
    [Data] public double[] Exposure = [];
    [Data] public int[] Y = [];
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal PoissonLog Observation(int i) => new(A + B * X[i] + Math.Log(Exposure[i]));
}

/// <summary>Known measurement sds from the data.</summary>
[Model]
public partial class KnownSdModel
{
    [Data] public double[] X = [];
    [Data] public double[] Sd = [];
    [Data] public double[] Y = [];
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(A + B * X[i], 2 * Sd[i]);
}

/// <summary>Weighted Poisson regression.</summary>
[Model]
public partial class WeightedPoissonModel
{
    [Data] public double[] X = [];
    [Data] public double[] W = [];
    [Data] public int[] Y = [];
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y), Weights = nameof(W))]
    internal PoissonLog Observation(int i) => new(A + B * X[i]);
}

/// <summary>A two-component mixture with known weights given as data.</summary>
[Model]
public partial class KnownWeightsMixtureModel
{
    [Data] public double[] Y = [];
    [Data] public double[] Weights = [0.3, 0.7];
    [Param] public double[] Means = [-1, 1];
#pragma warning disable MLE0102 // the tests evaluate this model's data checks, they never fit it
    [Param(Lower = 0)] public double[] Sds = [1, 1];
#pragma warning restore MLE0102

    [Likelihood(nameof(Y))]
    internal NormalMixture Observation(int i) => new(Weights, Means, Sds);
}

/// <summary>An sd that is a linear function of the parameters: start values can make it negative at some observations.</summary>
[Model]
public partial class LinearSdModel
{
    [Data] public double[] X = [];
    [Data] public double[] Y = [];
    [Param] public double A;
    [Param] public double S0 = 1;
    [Param] public double S1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(A, S0 + S1 * X[i]);
}
