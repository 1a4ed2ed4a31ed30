namespace MleGen.Tests.Data;

/// <summary>Poisson log-linear regression on a full design matrix (its intercept, if any, is a column of X).</summary>
[Model]
public partial class DesignPoissonModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }

    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    PoissonLog Observation(int i) => new(Functions.Dot(Beta, X, i));
}

/// <summary>Gaussian regression with its own intercept parameter and a design matrix without the intercept column.</summary>
[Model]
public partial class DesignNormalModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required double[] Y { get; init; }

    [Param] public double Intercept;
    [Param] public double[] Beta = [];
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new(Intercept + Functions.Dot(Beta, X, i), Sigma);
}
