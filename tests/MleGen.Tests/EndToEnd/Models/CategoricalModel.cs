using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

[Model]
public partial class CategoricalModel : IOracleModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double[] B0 = new double[2];
    [Param] public double[,] W = new double[2, 2];

    [Likelihood(nameof(Y))]
    internal CategoricalLogits Observation(int i) => CategoricalLogits.Of(3, k => k == 0 ? 0 : B0[k - 1] + Sum(X.GetLength(1), j => W[k - 1, j] * X[i, j]));

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= Observation(i).LogDensity(Y[i]);
        }

        return nll;
    }
}
