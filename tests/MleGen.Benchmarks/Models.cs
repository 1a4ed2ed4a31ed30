using MleGen;
using static MleGen.Functions;

namespace MleGen.Benchmarks;

[Model]
public partial class LogisticModel
{
    [Data] public required double[,] X;
    [Data] public required int[] Y;
    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    BernoulliLogit Observation(int i) => new(Dot(Beta, X, i));
}

[Model]
public partial class PoissonModel
{
    [Data] public required double[,] X;
    [Data] public required int[] Y;
    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    PoissonLog Observation(int i) => new(Dot(Beta, X, i));
}

[Model]
public partial class LinearModel
{
    [Data] public required double[,] X;
    [Data] public required double[] Y;
    [Param] public double[] Beta = [];
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new(Dot(Beta, X, i), Sigma);
}

[Model]
public partial class MixtureModel
{
    [Data] public required double[] Y;
    [Param(Simplex = true)] public double[] Weights = [];
    [Param] public double[] Means = [];
    #pragma warning disable MLE0102 // on purpose: the benchmark times the plain mixture likelihood against a hand-written loop of it
    [Param(Lower = 0)] public double[] Sds = [];
    #pragma warning restore MLE0102

    [Likelihood(nameof(Y))]
    NormalMixture Observation(int i) => new(Weights, Means, Sds);
}

[Model]
public partial class NegativeBinomialRegressionModel
{
    [Data] public required double[,] X;
    [Data] public required int[] Y;
    [Param] public double[] Beta = [];
    [Param(Lower = 0)] public double Dispersion = 1;

    [Likelihood(nameof(Y))]
    NegativeBinomial Observation(int i) => new(System.Math.Exp(Dot(Beta, X, i)), Dispersion);
}

/// <summary>Beta regression (logit mean, precision φ): log Γ(μφ), log Γ((1 − μ)φ) and their ψ per observation (VectorReport "beta").</summary>
[Model]
public partial class BetaRegressionModel
{
    [Data] public required double[,] X;
    [Data] public required double[] Y;
    [Param] public double[] Beta = [];
    [Param(Lower = 0)] public double Precision = 1;

    [Likelihood(nameof(Y))]
    Beta Observation(int i) => new(Logistic(Dot(Beta, X, i)) * Precision, (1 - Logistic(Dot(Beta, X, i))) * Precision);
}
