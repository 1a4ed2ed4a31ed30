using System;
using MathNet.Numerics.Distributions;
using Xunit;

namespace MleGen.Tests.Priors;

/// <summary>The generated log prior against MathNet's densities, its derivatives against finite differences.</summary>
public class PriorTests
{
    private static PriorZoo Zoo() => new() { Y = [0.5, 1.5, 2.5] };

    private static double[] Theta(IMleModel model)
    {
        var theta = new double[model.ParameterCount];
        model.ReadParameters(theta);
        return theta;
    }

    [Fact]
    public void NegativeLogPriorMatchesMathNetDensities()
    {
        var model = Zoo();
        var t = Theta(model);
        Assert.True(((IMleModel)model).HasPrior);

        // θ order: A[0], A[1], B, C, D, E, F[0], F[1], G, H
        double expected =
            -MathNet.Numerics.Distributions.Normal.PDFLn(1, 2, t[0]) - MathNet.Numerics.Distributions.Normal.PDFLn(1, 2, t[1])
            - MathNet.Numerics.Distributions.Laplace.PDFLn(0.5, 1.5, t[2])
            - MathNet.Numerics.Distributions.Cauchy.PDFLn(-1, 0.5, t[3])
            - (Math.Log(2) + MathNet.Numerics.Distributions.Normal.PDFLn(0, 2, t[4]))
            - MathNet.Numerics.Distributions.Gamma.PDFLn(3, 2, t[5])
            + 0.5 * 4 * (t[6] * t[6] + t[7] * t[7])
            + 0.25 * Math.Abs(t[8])
            + 2 * (0.3 * Math.Abs(t[9]) + 0.7 / 2 * t[9] * t[9]);

        double smooth = ((IMleModel)model).NegativeLogPrior(t, default);
        double nonSmooth = 0;
        for (int k = 0; k < t.Length; k++)
        {
            var penalty = ((IMleModel)model).GetL1Penalty(k);
            nonSmooth += penalty.Weight * Math.Abs(t[k] - penalty.Center);
        }

        Assert.Equal(expected, smooth + nonSmooth, 1e-12);
    }

    [Fact]
    public void L1PartsAreReportedAsNonSmoothPenalties()
    {
        var model = Zoo();
        Assert.Equal(new L1Penalty(1 / 1.5, 0.5), ((IMleModel)model).GetL1Penalty(2));
        Assert.Equal(new L1Penalty(0.25, 0), ((IMleModel)model).GetL1Penalty(8));
        Assert.Equal(2 * 0.3, ((IMleModel)model).GetL1Penalty(9).Weight, 15);
        foreach (int k in new[] { 0, 1, 3, 4, 5, 6, 7 })
        {
            Assert.Equal(0, ((IMleModel)model).GetL1Penalty(k).Weight);
        }
    }

    [Fact]
    public void GradientAndHessianOfTheSmoothPartMatchFiniteDifferences()
    {
        var model = Zoo();
        var t = Theta(model);
        int p = t.Length;
        var gradient = new double[p];
        ((IMleModel)model).NegativeLogPrior(t, gradient);
        var hessian = new double[p * p];
        ((IMleModel)model).NegativeLogPriorHessian(t, hessian);
        for (int k = 0; k < p; k++)
        {
            double h = 1e-5 * Math.Max(1, Math.Abs(t[k]));
            var plus = (double[])t.Clone();
            var minus = (double[])t.Clone();
            plus[k] += h;
            minus[k] -= h;
            double fd = (((IMleModel)model).NegativeLogPrior(plus, default) - ((IMleModel)model).NegativeLogPrior(minus, default)) / (2 * h);
            Assert.Equal(fd, gradient[k], 1e-7 * Math.Max(1, Math.Abs(fd)));

            var gPlus = new double[p];
            var gMinus = new double[p];
            ((IMleModel)model).NegativeLogPrior(plus, gPlus);
            ((IMleModel)model).NegativeLogPrior(minus, gMinus);
            for (int l = 0; l < p; l++)
            {
                double fdh = (gPlus[l] - gMinus[l]) / (2 * h);
                Assert.Equal(fdh, hessian[k * p + l], 1e-6 * Math.Max(1, Math.Abs(fdh)));
            }
        }
    }

    [Fact]
    public void L2EqualsANormalPriorWithSdOneOverRootLambdaUpToAConstant()
    {
        var l2 = new RidgeByL2 { Y = [1, 2] };
        var normal = new RidgeByNormalPrior { Y = [1, 2] };
        double? offset = null;
        foreach (var theta in new[] { new[] { 0.0, 0.0 }, new[] { 1.5, -2.0 }, new[] { -0.3, 4.0 } })
        {
            var g1 = new double[2];
            var g2 = new double[2];
            double difference = ((IMleModel)normal).NegativeLogPrior(theta, g2) - ((IMleModel)l2).NegativeLogPrior(theta, g1);
            offset ??= difference;
            Assert.Equal(offset.Value, difference, 1e-12);
            Assert.Equal(g2, g1);
        }

        // The constant is that of two N(0, 1/4) densities: log(√(2π)·0.5) each.
        Assert.Equal(2 * (0.5 * Math.Log(2 * Math.PI) + Math.Log(0.5)), offset!.Value, 1e-12);
    }

    [Fact]
    public void AModelWithoutPriorsHasAZeroPrior()
    {
        var model = new NoPrior { Y = [1] };
        Assert.False(((IMleModel)model).HasPrior);
        var gradient = new double[1];
        Assert.Equal(0, ((IMleModel)model).NegativeLogPrior([0.3], gradient));
        Assert.Equal(0, gradient[0]);
        Assert.Equal(default, ((IMleModel)model).GetL1Penalty(0));
    }
}
