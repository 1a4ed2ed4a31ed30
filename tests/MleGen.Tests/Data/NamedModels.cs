namespace MleGen.Tests.Data;

/// <summary>Poisson log-linear regression whose coefficients are named after the design's columns; the parameter is a property.</summary>
[Model]
public partial class NamedPoissonModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }

    /// <summary>One name per column of <see cref="X"/> (e.g. <see cref="DesignMatrix.ColumnNames"/>).</summary>
    public string[]? Columns { get; set; }

    [Param(Names = nameof(Columns))] public double[] Beta { get; set; } = [];

    [Likelihood(nameof(Y))]
    PoissonLog Observation(int i) => new(Functions.Dot(Beta, X, i));
}

/// <summary>Gaussian regression written with private parameter fields (no CA1051), reported as Intercept, the column names and Sigma.</summary>
[Model]
public partial class PrivateNormalModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required double[] Y { get; init; }

    public required string[] Columns { get; init; }

    [Param] private double _intercept;
    [Param(Names = nameof(Columns))] private double[] _beta = [];
    [Param(Lower = 0)] private double _sigma = 1;

    /// <summary>Sizes the coefficient vector to the columns of <see cref="X"/>.</summary>
    public void Start(double sigma)
    {
        _beta = new double[X.GetLength(1)];
        _sigma = sigma;
    }

    /// <summary>The estimates after a fit.</summary>
    public (double Intercept, double[] Beta, double Sigma) Estimates => (_intercept, _beta, _sigma);

    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new(_intercept + Functions.Dot(_beta, X, i), _sigma);
}
