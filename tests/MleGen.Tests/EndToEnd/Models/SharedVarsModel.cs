using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

/// <summary>
/// Issue 9: chained <c>var</c> locals each used twice, 30 deep (136 s in the generator before the DAG was kept,
/// later MLE0019). The oracle is the model's own plain C# (linear: C# evaluates each local once).
/// </summary>
[Model]
public partial class SharedVarsModel : IOracleModel
{
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i)
    {
        var v0 = A * X[i] + B;
        var v1 = 0.5 * v0 + 0.5 * Math.Tanh(v0);
        var v2 = 0.5 * v1 + 0.5 * Math.Tanh(v1);
        var v3 = 0.5 * v2 + 0.5 * Math.Tanh(v2);
        var v4 = 0.5 * v3 + 0.5 * Math.Tanh(v3);
        var v5 = 0.5 * v4 + 0.5 * Math.Tanh(v4);
        var v6 = 0.5 * v5 + 0.5 * Math.Tanh(v5);
        var v7 = 0.5 * v6 + 0.5 * Math.Tanh(v6);
        var v8 = 0.5 * v7 + 0.5 * Math.Tanh(v7);
        var v9 = 0.5 * v8 + 0.5 * Math.Tanh(v8);
        var v10 = 0.5 * v9 + 0.5 * Math.Tanh(v9);
        var v11 = 0.5 * v10 + 0.5 * Math.Tanh(v10);
        var v12 = 0.5 * v11 + 0.5 * Math.Tanh(v11);
        var v13 = 0.5 * v12 + 0.5 * Math.Tanh(v12);
        var v14 = 0.5 * v13 + 0.5 * Math.Tanh(v13);
        var v15 = 0.5 * v14 + 0.5 * Math.Tanh(v14);
        var v16 = 0.5 * v15 + 0.5 * Math.Tanh(v15);
        var v17 = 0.5 * v16 + 0.5 * Math.Tanh(v16);
        var v18 = 0.5 * v17 + 0.5 * Math.Tanh(v17);
        var v19 = 0.5 * v18 + 0.5 * Math.Tanh(v18);
        var v20 = 0.5 * v19 + 0.5 * Math.Tanh(v19);
        var v21 = 0.5 * v20 + 0.5 * Math.Tanh(v20);
        var v22 = 0.5 * v21 + 0.5 * Math.Tanh(v21);
        var v23 = 0.5 * v22 + 0.5 * Math.Tanh(v22);
        var v24 = 0.5 * v23 + 0.5 * Math.Tanh(v23);
        var v25 = 0.5 * v24 + 0.5 * Math.Tanh(v24);
        var v26 = 0.5 * v25 + 0.5 * Math.Tanh(v25);
        var v27 = 0.5 * v26 + 0.5 * Math.Tanh(v26);
        var v28 = 0.5 * v27 + 0.5 * Math.Tanh(v27);
        var v29 = 0.5 * v28 + 0.5 * Math.Tanh(v28);
        return new(v29, Sigma);
    }

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
