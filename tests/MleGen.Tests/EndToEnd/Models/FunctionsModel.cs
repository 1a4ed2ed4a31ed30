using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

[Model]
public partial class FunctionsModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Z { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param] public double C;
    [Param(Lower = 0)] public double P = 1;
    [Param] public double S;

    double Mean(int i) =>
        A + (B * Math.Tanh(x[i])) + (C * Math.Pow(Z[i], P)) + LogSumExp(A, B * x[i]) + Expm1(0.2 * C * x[i])
        + Log1p(Square(B) * Z[i]) + LogPhi(B + x[i]) + Phi(C * x[i]);

    double Sd(int i) => Math.Sqrt(Softplus(S) + (0.1 * Square(x[i])) + 0.05) * Math.Exp(0.1 * LogGamma(2 + Square(S)));

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(Mean(i), Sd(i));

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
