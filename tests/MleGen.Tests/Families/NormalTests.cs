using System;
using Xunit;

namespace MleGen.Tests.Families;

public class NormalTests
{
    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1.5, 2, -3)]
    [InlineData(-2, 0.1, -2.05)]
    [InlineData(1000, 50, 900)]
    public void LogDensityMatchesClosedForm(double mean, double sd, double y)
    {
        double z = (y - mean) / sd;
        double expected = (-0.5 * Approx.LogTwoPi) - Math.Log(sd) - (0.5 * z * z);
        Approx.Equal(expected, new Normal(mean, sd).LogDensity(y));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteObservationIsOutsideSupport(double y)
    {
        Assert.False(Normal.IsInSupport(y));
        Assert.Equal(double.NegativeInfinity, new Normal(0, 1).LogDensity(y));
    }

    [Fact]
    public void ConstructorValidatesParameters()
    {
        Approx.ThrowsOutOfRange("sd", "sd must be positive and finite, was -1", () => _ = new Normal(0, -1));
        Approx.ThrowsOutOfRange("sd", "sd must be positive", () => _ = new Normal(0, 0));
        Approx.ThrowsOutOfRange("sd", "was NaN", () => _ = new Normal(0, double.NaN));
        Approx.ThrowsOutOfRange("mean", "mean must be finite", () => _ = new Normal(double.NaN, 1));
    }

    [Fact]
    public void ExposesParametersAndSupport()
    {
        var normal = new Normal(1, 2);
        Assert.Equal(1, normal.Mean);
        Assert.Equal(2, normal.Sd);
        Assert.Equal("a finite real number", Normal.SupportDescription);
    }
}
