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
    #pragma warning disable MLE0102 // on purpose: the plain maximum-likelihood mixture, checked against its oracle
    [Param(Lower = 0)] public double[] Sds = [];
    #pragma warning restore MLE0102

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
