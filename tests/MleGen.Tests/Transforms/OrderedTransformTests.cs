using System;
using Xunit;

namespace MleGen.Tests.Transforms;

/// <summary>
/// The ordered-vector transform: first member free, then log increments (or, with one member held, steps away from
/// it); round trip, Jacobian, gradient and full Hessian pull-backs against finite differences, and the start check.
/// </summary>
public class OrderedTransformTests
{
    private static readonly ParameterInfo[] Infos =
    [
        new("Beta", double.NegativeInfinity, double.PositiveInfinity, -1),
        new("Cuts[0]", double.NegativeInfinity, double.PositiveInfinity, -1) { OrderedGroup = 0 },
        new("Cuts[1]", double.NegativeInfinity, double.PositiveInfinity, -1) { OrderedGroup = 0 },
        new("Cuts[2]", double.NegativeInfinity, double.PositiveInfinity, -1) { OrderedGroup = 0 },
        new("Cuts[3]", double.NegativeInfinity, double.PositiveInfinity, -1) { OrderedGroup = 0 },
        new("Sd", 0, double.PositiveInfinity, -1),
    ];

    private static readonly double[] Theta = [0.4, -1.2, -0.3, 0.8, 2.1, 1.5];

    public static TheoryData<int> Held => new(-1, 1, 2, 4);

    private static ParameterTransform Create(int held)
    {
        var isFixed = new bool[6];
        if (held >= 0)
        {
            isFixed[held] = true;
        }

        return new ParameterTransform(Infos, Theta, isFixed);
    }

    // A smooth test function of θ with a full Hessian: F = Σ cᵢθᵢ + ½ (Σ dᵢθᵢ)² + Σ θᵢ³/6.
    private static readonly double[] C = [1, -2, 0.5, 3, -1, 2];
    private static readonly double[] D = [0.3, 1, -0.7, 0.2, 0.9, -0.4];

    private static double F(double[] th)
    {
        double linear = 0, dot = 0, cubic = 0;
        for (int i = 0; i < th.Length; i++)
        {
            linear += C[i] * th[i];
            dot += D[i] * th[i];
            cubic += th[i] * th[i] * th[i] / 6;
        }

        return linear + (0.5 * dot * dot) + cubic;
    }

    [Theory]
    [MemberData(nameof(Held))]
    public void RoundTripsAndStaysIncreasing(int held)
    {
        var t = Create(held);
        Assert.Equal(held < 0 ? 6 : 5, t.FreeCount);
        var u = new double[t.FreeCount];
        t.ToUnconstrained(Theta, u);
        var back = new double[6];
        t.ToNatural(u, back);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(Theta[i], back[i], 1e-12);
        }

        var rng = new Random(3);
        for (int k = 0; k < 20; k++)
        {
            for (int j = 0; j < u.Length; j++)
            {
                u[j] = (rng.NextDouble() - 0.5) * 20;
            }

            t.ToNatural(u, back);
            for (int i = 2; i <= 4; i++)
            {
                Assert.True(back[i] > back[i - 1], $"Cuts[{i - 1}] = {back[i]} not above {back[i - 1]}");
            }

            if (held >= 0)
            {
                Assert.Equal(Theta[held], back[held]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Held))]
    public void JacobianGradientAndHessianPullBacksMatchFiniteDifferences(int held)
    {
        var t = Create(held);
        int q = t.FreeCount;
        var u = new double[q];
        t.ToUnconstrained(Theta, u);
        var theta = new double[6];
        t.ToNatural(u, theta);
        var jacobian = new double[6 * q];
        t.Jacobian(theta, jacobian);
        const double h = 1e-6;
        for (int j = 0; j < q; j++)
        {
            double[] plus = Shift(t, u, j, h), minus = Shift(t, u, j, -h);
            for (int i = 0; i < 6; i++)
            {
                Assert.Equal((plus[i] - minus[i]) / (2 * h), jacobian[(i * q) + j], 1e-8);
            }
        }

        // ∇F = c + (d·θ) d + θ²/2, ∇²F = d dᵀ + diag(θ).
        double dot = 0;
        for (int i = 0; i < 6; i++)
        {
            dot += D[i] * theta[i];
        }

        var gTheta = new double[6];
        var hTheta = new double[36];
        for (int i = 0; i < 6; i++)
        {
            gTheta[i] = C[i] + (dot * D[i]) + (0.5 * theta[i] * theta[i]);
            for (int k = 0; k < 6; k++)
            {
                hTheta[(i * 6) + k] = (D[i] * D[k]) + (i == k ? theta[i] : 0);
            }
        }

        var gU = new double[q];
        t.PullBackGradient(theta, gTheta, gU);
        for (int j = 0; j < q; j++)
        {
            Assert.Equal((F(Shift(t, u, j, h)) - F(Shift(t, u, j, -h))) / (2 * h), gU[j], 1e-6);
        }

        var hU = new double[q * q];
        t.PullBackHessian(theta, gTheta, hTheta, new double[6 * q], new double[6 * q], hU);
        const double e = 1e-4;
        for (int a = 0; a < q; a++)
        {
            for (int b = 0; b < q; b++)
            {
                double fd = (F(Shift2(t, u, a, e, b, e)) - F(Shift2(t, u, a, e, b, -e)) - F(Shift2(t, u, a, -e, b, e)) + F(Shift2(t, u, a, -e, b, -e))) / (4 * e * e);
                Assert.True(Math.Abs(fd - hU[(a * q) + b]) < 1e-5 * Math.Max(1, Math.Abs(fd)), $"H_u[{a},{b}]: {hU[(a * q) + b]} vs differences {fd}");
            }
        }
    }

    [Fact]
    public void AStartThatIsNotIncreasingNamesTheMemberAndIndex()
    {
        double[] start = [0.4, -1.2, 0.8, 0.8, 2.1, 1.5];
        var e = Assert.Throws<ArgumentException>(() => ParameterTransform.RequireOrdered(Infos, start));
        Assert.StartsWith("Cuts[2] = 0.8 is not above Cuts[1] = 0.8", e.Message, StringComparison.Ordinal);
        ParameterTransform.RequireOrdered(Infos, Theta);
    }

    [Fact]
    public void HoldingTwoMembersIsRejectedWithTheirName()
    {
        var e = Assert.Throws<NotSupportedException>(() => new ParameterTransform(Infos, Theta, [false, true, false, true, false, false]));
        Assert.Contains("Cuts[2]", e.Message, StringComparison.Ordinal);
        var all = new ParameterTransform(Infos, Theta, [false, true, true, true, true, false]);
        Assert.Equal(2, all.FreeCount);
    }

    private static double[] Shift(ParameterTransform t, double[] u, int j, double h) => Shift2(t, u, j, h, j, 0);

    private static double[] Shift2(ParameterTransform t, double[] u, int a, double ha, int b, double hb)
    {
        var v = (double[])u.Clone();
        v[a] += ha;
        v[b] += hb;
        var theta = new double[6];
        t.ToNatural(v, theta);
        return theta;
    }
}
