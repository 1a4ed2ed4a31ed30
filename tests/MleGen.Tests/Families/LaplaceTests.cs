using System;
using Xunit;

namespace MleGen.Tests.Families;

public class LaplaceTests
{
    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1.5, 2, -3)]
    [InlineData(-2, 0.1, -1.7)]
    public void LogDensityMatchesClosedForm(double location, double scale, double y)
    {
        double expected = -Math.Log(2 * scale) - (Math.Abs(y - location) / scale);
        Approx.Equal(expected, new Laplace(location, scale).LogDensity(y));
    }

    [Fact]
    public void SupportAndValidation()
    {
        Assert.Equal(double.NegativeInfinity, new Laplace(0, 1).LogDensity(double.NaN));
        Approx.ThrowsOutOfRange("scale", "scale must be positive", () => _ = new Laplace(0, -2));
        Approx.ThrowsOutOfRange("location", "location must be finite", () => _ = new Laplace(double.PositiveInfinity, 1));
        Assert.Equal(2, new Laplace(1, 2).Scale);
        Assert.Equal(1, new Laplace(1, 2).Location);
    }
}
