using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

[Model]
public partial class NormalRegressionModel : IOracleModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double Intercept;
    [Param] public double[] Beta = [];
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(Intercept + Dot(Beta, X, i), Sigma);

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
