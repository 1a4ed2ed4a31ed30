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
    #pragma warning disable MLE0105 // on purpose: this model tests an over-parameterized softmax
    internal CategoricalLogits Observation(int i) => CategoricalLogits.Of(3, k => B0[k] + Sum(X.GetLength(1), j => W[k, j] * X[i, j]));
    #pragma warning restore MLE0105

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
