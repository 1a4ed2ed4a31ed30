using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

[Model]
public partial class NormalMixtureModel : IOracleModel
{
    [Data] public required double[] Y { get; init; }
    [Param(Simplex = true)] public double[] Weights = [];
    [Param] public double[] Means = [];
    [Param(Lower = 0)] public double[] Sds = [];

    [Likelihood(nameof(Y))]
    internal NormalMixture Observation(int i) => new(Weights, Means, Sds);

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
