using System;
using Xunit;

namespace MleGen.Tests.Families;

public class WeibullTests
{
    [Theory]
    [InlineData(1, 1, 0.5)]
    [InlineData(2.5, 0.5, 0.7)]
    [InlineData(0.6, 3, 10)]
    public void LogDensityMatchesClosedForm(double shape, double scale, double y)
    {
        double expected = Math.Log(shape / scale) + ((shape - 1) * Math.Log(y / scale)) - Math.Pow(y / scale, shape);
        Approx.Equal(expected, new Weibull(shape, scale).LogDensity(y));
    }

    [Fact]
    public void SupportEdges()
    {
        Assert.Equal(double.NegativeInfinity, new Weibull(2, 1).LogDensity(-0.1));
        // 0 is outside the support for every shape (the density there is 0, 1/λ or ∞ as k > 1, = 1, < 1).
        Assert.False(Weibull.IsInSupport(0));
        Assert.Equal(double.NegativeInfinity, new Weibull(2, 1).LogDensity(0));
        Assert.Equal(double.NegativeInfinity, new Weibull(1, 3).LogDensity(0));
        Assert.Equal(double.NegativeInfinity, new Weibull(0.5, 1).LogDensity(0));
        Assert.True(Weibull.IsInSupport(double.Epsilon));
        Assert.True(double.IsFinite(new Weibull(0.5, 1).LogDensity(double.Epsilon)));
    }

    [Theory]
    [InlineData(1e6, 1e-8, 1.0000001e-8)]
    [InlineData(400, 1e3, 999)]
    public void ExtremeShapeUsesThePlainFormula(double shape, double scale, double y)
    {
        double expected = Math.Log(shape / scale) + ((shape - 1) * Math.Log(y / scale)) - Math.Pow(y / scale, shape);
        Approx.Equal(expected, new Weibull(shape, scale).LogDensity(y));
    }

    [Fact]
    public void Validation()
    {
        Approx.ThrowsOutOfRange("scale", "scale must be positive", () => _ = new Weibull(1, 0));
        Approx.ThrowsOutOfRange("shape", "shape must be positive", () => _ = new Weibull(double.NaN, 1));
    }
}
