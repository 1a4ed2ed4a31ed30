using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

[Model]
public partial class PoissonModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    #pragma warning disable MLE0108 // on purpose: this model tests the plain Poisson family (PoissonLog has its own test)
    internal Poisson Observation(int i) => new(Math.Exp(A + B * x[i]));
    #pragma warning restore MLE0108

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
