using System;
using MathNet.Numerics;
using Xunit;

namespace MleGen.Tests.Families;

public class PoissonTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(3.5, 2)]
    [InlineData(0.01, 3)]
    [InlineData(400, 380)]
    public void LogDensityMatchesClosedForm(double rate, int y)
    {
        double expected = (y * Math.Log(rate)) - rate - SpecialFunctions.GammaLn(y + 1);
        Approx.Equal(expected, new Poisson(rate).LogDensity(y), 1e-11);
        Approx.Equal(expected, new Poisson(rate).LogDensity((double)y), 1e-11);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void OutsideSupportIsMinusInfinity(double y)
    {
        Assert.False(Poisson.IsInSupport(y));
        Assert.Equal(double.NegativeInfinity, new Poisson(2).LogDensity(y));
    }

    [Fact]
    public void ZeroRateIsDegenerateAtZero()
    {
        Assert.Equal(0, new Poisson(0).LogDensity(0));
        Assert.Equal(double.NegativeInfinity, new Poisson(0).LogDensity(1));
        Assert.Equal(double.NegativeInfinity, new Poisson(2).LogDensity(-1));
    }

    [Fact]
    public void Validation()
    {
        Approx.ThrowsOutOfRange("rate", "rate must be non-negative and finite, was -1", () => _ = new Poisson(-1));
        Assert.Equal("a non-negative integer", Poisson.SupportDescription);
    }
}
