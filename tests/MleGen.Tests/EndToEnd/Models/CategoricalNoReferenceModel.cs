using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

[Model]
public partial class CategoricalNoReferenceModel : IOracleModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double[] B0 = new double[3];
    [Param] public double[,] W = new double[3, 2];

    [Likelihood(nameof(Y))]
    internal CategoricalLogits Observation(int i) => CategoricalLogits.Of(3, k => B0[k] + Sum(X.GetLength(1), j => W[k, j] * X[i, j]));

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
