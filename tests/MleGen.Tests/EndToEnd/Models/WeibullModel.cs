using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

[Model]
public partial class WeibullModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Shape = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    internal Weibull Observation(int i) => new(Shape, Math.Exp(A + B * x[i]));

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
