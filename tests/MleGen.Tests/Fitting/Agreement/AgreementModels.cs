using static MleGen.Functions;

namespace MleGen.Tests.Fitting.Agreement;

// The benchmark's full-fit models (tests/MleGen.Benchmarks/Models.cs), compiled here by the real generator.

[Model]
public partial class AgreementLogistic
{
    [Data] public required double[,] X;
    [Data] public required int[] Y;
    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    BernoulliLogit Observation(int i) => new(Dot(Beta, X, i));
}

[Model]
public partial class AgreementPoisson
{
    [Data] public required double[,] X;
    [Data] public required int[] Y;
    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    PoissonLog Observation(int i) => new(Dot(Beta, X, i));
}

[Model]
public partial class AgreementMixture
{
    [Data] public required double[] Y;
    [Param(Simplex = true)] public double[] Weights = [];
    [Param] public double[] Means = [];
    [Param(Lower = 0)] public double[] Sds = [];

    [Likelihood(nameof(Y))]
    NormalMixture Observation(int i) => new(Weights, Means, Sds);
}
