using System;
using MleGen;

namespace MleGen.Tests.EndToEnd.Models;

/// <summary>Poisson regression whose data members can be replaced after construction (and whose counts are doubles, so 1.5 can be fed in).</summary>
[Model]
public partial class SettablePoissonModel : IOracleModel
{
    [Data] public double[] x { get; set; } = [];
    [Data] public double[] Y { get; set; } = [];

    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    #pragma warning disable MLE0108 // on purpose: the plain Poisson family, with data that can be replaced
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
