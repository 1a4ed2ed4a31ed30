using MleGen;
using static MleGen.Functions;

namespace MleGen.Samples.Models;

/// <summary>Logistic regression: cross-entropy as a Bernoulli likelihood.</summary>
[Model]
public partial class LogisticRegression
{
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }

    [Param] public double Intercept;
    /// <summary>The names of X's columns: the reported names of Beta's elements.</summary>
    public required string[] Columns { get; init; }

    [Param(Names = nameof(Columns))] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    BernoulliLogit Observation(int i) => new(Intercept + Dot(Beta, X, i));
}
