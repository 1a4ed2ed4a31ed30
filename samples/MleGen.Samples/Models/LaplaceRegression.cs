using MleGen;
using static MleGen.Functions;

namespace MleGen.Samples.Models;

/// <summary>Robust regression: a Laplace likelihood is least absolute deviations (MAE), resistant to outliers.</summary>
[Model]
public partial class LaplaceRegression
{
    [Data] public required double[,] X { get; init; }
    [Data] public required double[] Y { get; init; }

    [Param] public double Intercept;
    /// <summary>The names of X's columns: the reported names of Beta's elements.</summary>
    public required string[] Columns { get; init; }

    [Param(Names = nameof(Columns))] public double[] Beta = [];
    [Param(Lower = 0)] public double Scale = 1;

    [Likelihood(nameof(Y))]
    Laplace Observation(int i) => new(Intercept + Dot(Beta, X, i), Scale);
}
