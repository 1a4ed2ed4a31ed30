using System;
using MathNet.Numerics;
using Xunit;

namespace MleGen.Tests.Families;

public class GammaTests
{
    [Theory]
    [InlineData(1, 1, 0.5)]
    [InlineData(2.5, 0.5, 3)]
    [InlineData(0.3, 4, 0.01)]
    [InlineData(50, 10, 5.5)]
    public void LogDensityMatchesClosedForm(double shape, double rate, double y)
    {
        double expected = (shape * Math.Log(rate)) - SpecialFunctions.GammaLn(shape) + ((shape - 1) * Math.Log(y)) - (rate * y);
        Approx.Equal(expected, new Gamma(shape, rate).LogDensity(y), 1e-11);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    public void OutsideSupportIsMinusInfinity(double y)
    {
        Assert.Equal(double.NegativeInfinity, new Gamma(2, 1).LogDensity(y));
    }

    [Fact]
    public void Validation()
    {
        Approx.ThrowsOutOfRange("shape", "shape must be positive", () => _ = new Gamma(-1, 1));
        Approx.ThrowsOutOfRange("rate", "rate must be positive", () => _ = new Gamma(1, double.PositiveInfinity));
        Assert.Equal((2.0, 3.0), (new Gamma(2, 3).Shape, new Gamma(2, 3).Rate));
    }
}
