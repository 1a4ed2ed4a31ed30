using System;
using Xunit;

namespace MleGen.Tests.Families;

public class LogNormalTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1.5, 0.5, 3)]
    [InlineData(-2, 2, 0.01)]
    [InlineData(3, 0.2, 100)]
    public void LogDensityIncludesTheJacobian(double mu, double sigma, double y)
    {
        double z = (Math.Log(y) - mu) / sigma;
        double expected = -Math.Log(y) - Math.Log(sigma) - (0.5 * Approx.LogTwoPi) - (0.5 * z * z);
        Approx.Equal(expected, new LogNormal(mu, sigma).LogDensity(y));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void OutsideSupportIsMinusInfinity(double y)
    {
        Assert.False(LogNormal.IsInSupport(y));
        Assert.Equal(double.NegativeInfinity, new LogNormal(0, 1).LogDensity(y));
    }

    [Fact]
    public void ExtremeSigmaSplitsTheLogs()
    {
        // y·sigma overflows; the density is still −log y − log sigma − ½log(2π) − ½z².
        double y = 1e10, sigma = 1e300;
        double z = Math.Log(y) / sigma;
        Approx.Equal(-Math.Log(y) - Math.Log(sigma) - (0.5 * Approx.LogTwoPi) - (0.5 * z * z), new LogNormal(0, sigma).LogDensity(y));
        Assert.Equal(double.NegativeInfinity, new LogNormal(0, 1e-300).LogDensity(1e-300));
    }

    [Fact]
    public void Validation()
    {
        Approx.ThrowsOutOfRange("sigma", "sigma must be positive and finite, was -0.5", () => _ = new LogNormal(0, -0.5));
        Approx.ThrowsOutOfRange("mu", "mu must be finite", () => _ = new LogNormal(double.NaN, 1));
        Assert.Equal("a positive finite number", LogNormal.SupportDescription);
    }
}
