using System;
using Xunit;

namespace MleGen.Tests.Transforms;

public class ParameterTransformTests
{
    private static readonly ParameterInfo[] Infos =
    [
        new("Free", double.NegativeInfinity, double.PositiveInfinity, -1),
        new("Low", 2, double.PositiveInfinity, -1),
        new("High", double.NegativeInfinity, -1, -1),
        new("Both", -1, 3, -1),
        new("Held", 0, double.PositiveInfinity, -1),
        new("W[0]", 0, 1, 0),
        new("W[1]", 0, 1, 0),
        new("W[2]", 0, 1, 0),
    ];

    private static ParameterTransform Create() =>
        new(Infos, [0, 0, 0, 0, 7, 0, 0, 0], [false, false, false, false, true, false, false, false]);

    [Fact]
    public void RoundTripsAndRespectsConstraints()
    {
        ParameterTransform t = Create();
        Assert.Equal(8, t.ParameterCount);
        Assert.Equal(6, t.FreeCount);
        double[] theta = [1.5, 2.5, -4, 0.2, 7, 0.2, 0.5, 0.3];
        double[] u = new double[6];
        t.ToUnconstrained(theta, u);
        double[] back = new double[8];
        t.ToNatural(u, back);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(theta[i], back[i], 1e-12);
        }

        t.ToNatural([30, -30, 30, 30, -30, 30], back);
        Assert.True(back[1] > 2 && back[2] < -1 && back[3] < 3 && back[3] > -1);
        Assert.Equal(1, back[5] + back[6] + back[7], 1e-12);
        Assert.Equal(7, back[4]);
    }

    [Fact]
    public void JacobianGradientAndHessianPullBacksMatchFiniteDifferences()
    {
        ParameterTransform t = Create();
        double[] u = [0.3, -0.4, 0.2, 0.7, -0.5, 0.9];
        double[] theta = new double[8];
        t.ToNatural(u, theta);
        double[] jacobian = new double[8 * 6];
        t.Jacobian(theta, jacobian);
        const double h = 1e-6;
        for (int j = 0; j < 6; j++)
        {
            double[] plus = Shift(t, u, j, h), minus = Shift(t, u, j, -h);
            for (int i = 0; i < 8; i++)
            {
                Assert.Equal((plus[i] - minus[i]) / (2 * h), jacobian[(i * 6) + j], 1e-8);
            }
        }

        // A test function of θ: F = Σ cᵢθᵢ + ½ Σ θᵢ², gradient c + θ, Hessian I.
        double[] c = [1, -2, 0.5, 3, 9, 1, -1, 2];
        double F(double[] th)
        {
            double s = 0;
            for (int i = 0; i < 8; i++)
            {
                s += (c[i] * th[i]) + (0.5 * th[i] * th[i]);
            }

            return s;
        }

        double[] gTheta = new double[8];
        for (int i = 0; i < 8; i++)
        {
            gTheta[i] = c[i] + theta[i];
        }

        double[] gU = new double[6];
        t.PullBackGradient(theta, gTheta, gU);
        for (int j = 0; j < 6; j++)
        {
            Assert.Equal((F(Shift(t, u, j, h)) - F(Shift(t, u, j, -h))) / (2 * h), gU[j], 1e-7);
        }

        double[] identity = new double[64];
        for (int i = 0; i < 8; i++)
        {
            identity[(i * 8) + i] = 1;
        }

        double[] hU = new double[36];
        t.PullBackHessian(theta, gTheta, identity, new double[48], new double[48], hU);
        double f0 = F(theta);
        for (int j = 0; j < 4; j++) // the diagonal (bound) transforms are exact
        {
            double second = (F(Shift(t, u, j, 1e-4)) - (2 * f0) + F(Shift(t, u, j, -1e-4))) / 1e-8;
            Assert.Equal(second, hU[(j * 6) + j], 1e-4);
        }
    }

    private static double[] Shift(ParameterTransform t, double[] u, int j, double h)
    {
        double[] v = (double[])u.Clone();
        v[j] += h;
        double[] theta = new double[8];
        t.ToNatural(v, theta);
        return theta;
    }

    /// <summary>
    /// A simplex member held at t (a profile): the other members move on a simplex of total 1 − t from K − 2 coordinates,
    /// starting from the old values rescaled proportionally; the Jacobian and the gradient pull-back match differences.
    /// </summary>
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void AHeldSimplexMemberLeavesTheOthersOnASmallerSimplex(int held)
    {
        ParameterInfo[] infos = [Infos[0], Infos[5], Infos[6], Infos[7]];
        int member = held - 4;
        bool[] isFixed = new bool[4];
        isFixed[member] = true;
        double[] fixedValues = new double[4];
        fixedValues[member] = 0.4;
        var t = new ParameterTransform(infos, fixedValues, isFixed);
        Assert.Equal(2, t.FreeCount);

        // Start: the old simplex (0.2, 0.5, 0.3) with the held member replaced: the others keep their proportions.
        double[] start = [1.5, 0.2, 0.5, 0.3];
        start[member] = 0.4;
        double[] u = new double[2];
        t.ToUnconstrained(start, u);
        double[] theta = new double[4];
        t.ToNatural(u, theta);
        Assert.Equal(0.4, theta[member]);
        Assert.Equal(1, theta[1] + theta[2] + theta[3], 1e-14);
        double[] old = [0, 0.2, 0.5, 0.3];
        double othersOld = 1 - old[member];
        for (int k = 1; k < 4; k++)
        {
            if (k != member)
            {
                Assert.Equal(old[k] / othersOld * 0.6, theta[k], 1e-14);
            }
        }

        double[] jacobian = new double[4 * 2];
        u = [0.3, -0.7];
        t.ToNatural(u, theta);
        t.Jacobian(theta, jacobian);
        double[] c = [1, -2, 0.5, 3];
        double[] gTheta = new double[4];
        for (int i = 0; i < 4; i++)
        {
            gTheta[i] = c[i] + theta[i];
        }

        double[] gU = new double[2];
        t.PullBackGradient(theta, gTheta, gU);
        const double h = 1e-6;
        for (int j = 0; j < 2; j++)
        {
            double[] plus = (double[])u.Clone(), minus = (double[])u.Clone();
            plus[j] += h;
            minus[j] -= h;
            double[] tp = new double[4], tm = new double[4];
            t.ToNatural(plus, tp);
            t.ToNatural(minus, tm);
            double fp = 0, fm = 0;
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal((tp[i] - tm[i]) / (2 * h), jacobian[(i * 2) + j], 1e-8);
                fp += (c[i] * tp[i]) + (0.5 * tp[i] * tp[i]);
                fm += (c[i] * tm[i]) + (0.5 * tm[i] * tm[i]);
            }

            Assert.Equal((fp - fm) / (2 * h), gU[j], 1e-7);
        }
    }

    [Fact]
    public void HoldingTwoSimplexMembersOrOneOutsideZeroOneIsRejectedWithItsName()
    {
        var two = Assert.Throws<NotSupportedException>(() =>
            new ParameterTransform(Infos, new double[8], [false, false, false, false, false, true, true, false]));
        Assert.Contains("W[1]", two.Message);
        var outside = Assert.Throws<ArgumentException>(() =>
            new ParameterTransform(Infos, [0, 0, 0, 0, 0, 0, 1.5, 0], [false, false, false, false, false, false, true, false]));
        Assert.Contains("W[1]", outside.Message);
    }
}
