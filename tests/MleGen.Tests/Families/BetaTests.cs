using System;
using MathNet.Numerics;
using Xunit;

namespace MleGen.Tests.Families;

public class BetaTests
{
    [Theory]
    [InlineData(1, 1, 0.5)]
    [InlineData(2.5, 0.5, 0.7)]
    [InlineData(0.3, 4, 0.01)]
    [InlineData(20, 30, 0.45)]
    public void LogDensityMatchesClosedForm(double alpha, double beta, double y)
    {
        double logBeta = SpecialFunctions.GammaLn(alpha) + SpecialFunctions.GammaLn(beta) - SpecialFunctions.GammaLn(alpha + beta);
        double expected = ((alpha - 1) * Math.Log(y)) + ((beta - 1) * Math.Log(1 - y)) - logBeta;
        Approx.Equal(expected, new Beta(alpha, beta).LogDensity(y), 1e-11);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void OutsideOpenIntervalIsMinusInfinity(double y)
    {
        Assert.False(Beta.IsInSupport(y));
        Assert.Equal(double.NegativeInfinity, new Beta(2, 3).LogDensity(y));
    }

    [Fact]
    public void Validation()
    {
        Approx.ThrowsOutOfRange("beta", "beta must be positive", () => _ = new Beta(1, -3));
        Approx.ThrowsOutOfRange("alpha", "alpha must be positive", () => _ = new Beta(0, 1));
        Assert.Equal((2.0, 3.0), (new Beta(2, 3).Alpha, new Beta(2, 3).BetaParameter));
        Assert.Equal("a value in (0, 1)", Beta.SupportDescription);
    }
}
