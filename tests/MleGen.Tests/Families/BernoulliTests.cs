using System;
using Xunit;

namespace MleGen.Tests.Families;

public class BernoulliTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void LogDensityIsLogPOrLogOneMinusP(double p)
    {
        var bernoulli = new Bernoulli(p);
        Approx.Equal(Math.Log(p), bernoulli.LogDensity(1));
        Approx.Equal(Math.Log(1 - p), bernoulli.LogDensity(0));
        Approx.Equal(Math.Log(p), bernoulli.LogDensity(1.0));
        Approx.Equal(Math.Log(p), bernoulli.LogDensity(true));
        Approx.Equal(Math.Log(1 - p), bernoulli.LogDensity(false));
    }

    [Fact]
    public void DegenerateProbabilities()
    {
        Assert.Equal(0, new Bernoulli(1).LogDensity(1));
        Assert.Equal(double.NegativeInfinity, new Bernoulli(1).LogDensity(0));
        Assert.Equal(0, new Bernoulli(0).LogDensity(0));
        Assert.Equal(double.NegativeInfinity, new Bernoulli(0).LogDensity(1));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void OutsideSupportIsMinusInfinity(double y)
    {
        Assert.False(Bernoulli.IsInSupport(y));
        Assert.Equal(double.NegativeInfinity, new Bernoulli(0.4).LogDensity(y));
    }

    [Fact]
    public void Validation()
    {
        Approx.ThrowsOutOfRange("p", "p must be a probability in [0, 1], was 1.5", () => _ = new Bernoulli(1.5));
        Approx.ThrowsOutOfRange("p", "was NaN", () => _ = new Bernoulli(double.NaN));
        Assert.Equal(double.NegativeInfinity, new Bernoulli(0.5).LogDensity(2));
        Assert.Equal("0 or 1", Bernoulli.SupportDescription);
    }
}
