using System;
using Xunit;

namespace MleGen.Tests.Families;

public class CauchyTests
{
    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1.5, 2, -3)]
    [InlineData(-2, 0.1, 40)]
    public void LogDensityMatchesClosedForm(double location, double scale, double y)
    {
        double z = (y - location) / scale;
        double expected = -Math.Log(Math.PI * scale) - Math.Log(1 + (z * z));
        Approx.Equal(expected, new Cauchy(location, scale).LogDensity(y));
    }

    [Fact]
    public void MatchesStudentTWithOneDegreeOfFreedom()
    {
        Approx.Equal(new StudentT(1, 0.3, 1.7).LogDensity(2.2), new Cauchy(0.3, 1.7).LogDensity(2.2));
    }

    [Fact]
    public void SupportAndValidation()
    {
        Assert.Equal(double.NegativeInfinity, new Cauchy(0, 1).LogDensity(double.NaN));
        Approx.ThrowsOutOfRange("scale", "scale must be positive", () => _ = new Cauchy(0, 0));
    }
}
