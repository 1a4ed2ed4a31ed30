using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

[Model]
public partial class BernoulliLogitBoolModel : IOracleModel
{
    [Data] public required double[,] X { get; init; }
    [Data] public required bool[] Y { get; init; }
    [Param] public double Intercept;
    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    internal BernoulliLogit Observation(int i) => new(Intercept + Dot(Beta, X, i));

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
