using System;
using Xunit;

namespace MleGen.Tests.Families;

public class ExponentialTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2.5, 0.3)]
    [InlineData(0.01, 250)]
    public void LogDensityMatchesClosedForm(double rate, double y)
    {
        Approx.Equal(Math.Log(rate) - (rate * y), new Exponential(rate).LogDensity(y));
    }

    [Fact]
    public void SupportAndValidation()
    {
        Assert.True(Exponential.IsInSupport(0));
        Assert.False(Exponential.IsInSupport(-1e-300));
        Assert.Equal(double.NegativeInfinity, new Exponential(1).LogDensity(-1));
        Approx.ThrowsOutOfRange("rate", "rate must be positive", () => _ = new Exponential(0));
        Assert.Equal("a non-negative finite number", Exponential.SupportDescription);
    }
}
