using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

[Model]
public partial class StudentTModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param(Lower = 0)] public double Nu = 5;
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Scale = 1;

    [Likelihood(nameof(Y))]
    internal StudentT Observation(int i) => new(Nu, A + B * x[i], Scale);

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
