using MleGen;
using static MleGen.Functions;

namespace MleGen.Samples.Models;

/// <summary>Gaussian linear regression: least squares as a maximum-likelihood problem.</summary>
[Model]
public partial class LinearRegression
{
    [Data] public required double[,] X { get; init; }
    [Data] public required double[] Y { get; init; }

    [Param] public double Intercept;
    /// <summary>The names of X's columns: the reported names of Beta's elements.</summary>
    public required string[] Columns { get; init; }

    [Param(Names = nameof(Columns))] public double[] Beta = [];
    [Param(Lower = 0)] public double Sigma = 1;

    double Mean(int i) => Intercept + Dot(Beta, X, i);

    [Likelihood(nameof(Y))]
    Normal Observation(int i) => new(Mean(i), Sigma);
}
