using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

/// <summary>
/// Issue 9: a mean of eight <c>Dot</c> terms once overflowed the generator's 64 loop variables in the expected
/// information (ids silently reused; <c>ExpectedInformation</c> threw IndexOutOfRange).
/// </summary>
[Model]
public partial class EightDotsModel : IOracleModel
{
    [Data] public required double[,] X0 { get; init; }
    [Data] public required double[,] X1 { get; init; }
    [Data] public required double[,] X2 { get; init; }
    [Data] public required double[,] X3 { get; init; }
    [Data] public required double[,] X4 { get; init; }
    [Data] public required double[,] X5 { get; init; }
    [Data] public required double[,] X6 { get; init; }
    [Data] public required double[,] X7 { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double[] B0 = [];
    [Param] public double[] B1 = [];
    [Param] public double[] B2 = [];
    [Param] public double[] B3 = [];
    [Param] public double[] B4 = [];
    [Param] public double[] B5 = [];
    [Param] public double[] B6 = [];
    [Param] public double[] B7 = [];
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) =>
        new(Dot(B0, X0, i) + Dot(B1, X1, i) + Dot(B2, X2, i) + Dot(B3, X3, i) + Dot(B4, X4, i) + Dot(B5, X5, i) + Dot(B6, X6, i) + Dot(B7, X7, i), Sigma);

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
