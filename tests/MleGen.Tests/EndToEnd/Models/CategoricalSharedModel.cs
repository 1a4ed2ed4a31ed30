using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

/// <summary>
/// Issue 9's `__k0` reproducers: terms under <c>k == 0 ? 0 : …</c> that do not depend on k (<c>Beta * X[i]</c>, shared
/// by every class) once put the guard <c>k != 0</c> on a gradient scatter outside the loop over k.
/// </summary>
[Model]
public partial class CategoricalSharedModel : IOracleModel
{
    [Data] public required double[] X { get; init; }
    [Data] public required int[] Y { get; init; }
    [Param] public double[] Alpha = new double[2];
    [Param] public double Beta;
    [Param] public double Gamma;

    [Likelihood(nameof(Y))]
    internal CategoricalLogits Observation(int i) => CategoricalLogits.Of(3, k => k == 0 ? 0 : Alpha[k - 1] + Beta * X[i] + Alpha[k - 1] * Gamma * X[i]);

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
