using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

/// <summary>
/// A vector and a matrix parameter, <c>Sum</c>, a block-bodied helper, a <c>?:</c> on data, weights, and two
/// likelihood terms on observed arrays of different lengths.
/// </summary>
[Model]
public partial class MixedModel : IOracleModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Group { get; init; }
    [Data] public required double[] W { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] U { get; init; }
    [Data] public required int[] Counts { get; init; }

    [Param] public double[] Beta = [];
    [Param] public double[,] G = new double[2, 2];
    [Param(Lower = 0)] public double Sigma = 1;
    [Param] public double A;

    double Mean(int i)
    {
        var linear = Sum(X.GetLength(1), j => Beta[j] * X[i, j]);
        var shift = Group[i] == 1 ? G[0, 0] + (G[0, 1] * X[i, 0]) : G[1, 0] * X[i, 1];
        return linear + shift;
    }

    [Likelihood(nameof(Y), Weights = nameof(W))]
    internal Normal Observation(int i) => new(Mean(i), Sigma);

    [Likelihood(nameof(Counts))]
    internal PoissonLog CountObservation(int i) => new(A + (G[1, 1] * U[i]));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= W[i] * Observation(i).LogDensity(Y[i]);
        }

        for (int i = 0; i < Counts.Length; i++)
        {
            nll -= CountObservation(i).LogDensity(Counts[i]);
        }

        return nll;
    }
}
