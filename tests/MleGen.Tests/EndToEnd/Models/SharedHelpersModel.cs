using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

/// <summary>
/// Issue 9: helpers that each call the next twice, 22 deep (H21 → H20 twice → … → H0: 2²¹ calls as a tree). Before
/// memoized inlining the generator parsed every call (35.7 s, later MLE0019); now each helper is parsed once and the
/// expression stays a DAG. The oracle evaluates the recurrence by hand (the plain C# helpers take 2²¹ calls per row).
/// </summary>
[Model]
public partial class SharedHelpersModel : IOracleModel
{
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Sigma = 1;

    double H0(int i) => A * X[i] + B;
    double H1(int i) => 0.5 * H0(i) + 0.5 * Math.Tanh(H0(i));
    double H2(int i) => 0.5 * H1(i) + 0.5 * Math.Tanh(H1(i));
    double H3(int i) => 0.5 * H2(i) + 0.5 * Math.Tanh(H2(i));
    double H4(int i) => 0.5 * H3(i) + 0.5 * Math.Tanh(H3(i));
    double H5(int i) => 0.5 * H4(i) + 0.5 * Math.Tanh(H4(i));
    double H6(int i) => 0.5 * H5(i) + 0.5 * Math.Tanh(H5(i));
    double H7(int i) => 0.5 * H6(i) + 0.5 * Math.Tanh(H6(i));
    double H8(int i) => 0.5 * H7(i) + 0.5 * Math.Tanh(H7(i));
    double H9(int i) => 0.5 * H8(i) + 0.5 * Math.Tanh(H8(i));
    double H10(int i) => 0.5 * H9(i) + 0.5 * Math.Tanh(H9(i));
    double H11(int i) => 0.5 * H10(i) + 0.5 * Math.Tanh(H10(i));
    double H12(int i) => 0.5 * H11(i) + 0.5 * Math.Tanh(H11(i));
    double H13(int i) => 0.5 * H12(i) + 0.5 * Math.Tanh(H12(i));
    double H14(int i) => 0.5 * H13(i) + 0.5 * Math.Tanh(H13(i));
    double H15(int i) => 0.5 * H14(i) + 0.5 * Math.Tanh(H14(i));
    double H16(int i) => 0.5 * H15(i) + 0.5 * Math.Tanh(H15(i));
    double H17(int i) => 0.5 * H16(i) + 0.5 * Math.Tanh(H16(i));
    double H18(int i) => 0.5 * H17(i) + 0.5 * Math.Tanh(H17(i));
    double H19(int i) => 0.5 * H18(i) + 0.5 * Math.Tanh(H18(i));
    double H20(int i) => 0.5 * H19(i) + 0.5 * Math.Tanh(H19(i));
    double H21(int i) => 0.5 * H20(i) + 0.5 * Math.Tanh(H20(i));

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(H21(i), Sigma);

    /// <summary>The mean by hand: h ← A·x + B, then 21 times h ← (h + tanh h)/2.</summary>
    public double Mean(int i)
    {
        double h = A * X[i] + B;
        for (int k = 1; k < 22; k++)
        {
            h = 0.5 * h + 0.5 * Math.Tanh(h);
        }

        return h;
    }

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= new Normal(Mean(i), Sigma).LogDensity(Y[i]);
        }

        return nll;
    }
}
