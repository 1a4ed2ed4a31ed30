using System;
using MathNet.Numerics;
using Xunit;

namespace MleGen.Tests.Families;

public class BinomialTests
{
    internal static double ClosedForm(int n, int k, double p) =>
        SpecialFunctions.GammaLn(n + 1) - SpecialFunctions.GammaLn(k + 1) - SpecialFunctions.GammaLn(n - k + 1)
        + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p));

    [Theory]
    [InlineData(10, 3, 0.3)]
    [InlineData(1, 1, 0.8)]
    [InlineData(50, 0, 0.05)]
    [InlineData(200, 120, 0.55)]
    public void LogDensityMatchesClosedForm(int trials, int y, double p)
    {
        var binomial = new Binomial(trials, p);
        Approx.Equal(ClosedForm(trials, y, p), binomial.LogDensity(y), 1e-11);
        Approx.Equal(ClosedForm(trials, y, p), binomial.LogDensity((double)y), 1e-11);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(2.5)]
    [InlineData(double.NaN)]
    public void OutsideSupportIsMinusInfinity(double y)
    {
        Assert.False(Binomial.IsInSupport(y, 10));
        Assert.Equal(double.NegativeInfinity, new Binomial(10, 0.4).LogDensity(y));
    }

    [Fact]
    public void DegenerateProbabilities()
    {
        Assert.Equal(0, new Binomial(5, 0).LogDensity(0), 12);
        Assert.Equal(double.NegativeInfinity, new Binomial(5, 0).LogDensity(1));
        Assert.Equal(0, new Binomial(5, 1).LogDensity(5), 12);
    }

    [Fact]
    public void Validation()
    {
        Approx.ThrowsOutOfRange("trials", "trials must be non-negative, was -1", () => _ = new Binomial(-1, 0.5));
        Approx.ThrowsOutOfRange("p", "p must be a probability", () => _ = new Binomial(3, -0.1));
        Assert.Equal((3, 0.5), (new Binomial(3, 0.5).Trials, new Binomial(3, 0.5).P));
    }
}
