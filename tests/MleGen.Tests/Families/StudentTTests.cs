using System;
using MathNet.Numerics;
using Xunit;

namespace MleGen.Tests.Families;

public class StudentTTests
{
    [Theory]
    [InlineData(1, 0, 1, 0.5)]
    [InlineData(3, 1, 2, -4)]
    [InlineData(7.5, -2, 0.5, -1.2)]
    [InlineData(30, 10, 3, 25)]
    public void LogDensityMatchesClosedForm(double nu, double location, double scale, double y)
    {
        double z = (y - location) / scale;
        double expected = SpecialFunctions.GammaLn((nu + 1) / 2) - SpecialFunctions.GammaLn(nu / 2)
            - (0.5 * Math.Log(nu * Math.PI)) - Math.Log(scale) - ((nu + 1) / 2 * Math.Log(1 + (z * z / nu)));
        Approx.Equal(expected, new StudentT(nu, location, scale).LogDensity(y), 1e-11);
    }

    [Fact]
    public void SupportAndValidation()
    {
        Assert.Equal(double.NegativeInfinity, new StudentT(3, 0, 1).LogDensity(double.PositiveInfinity));
        Approx.ThrowsOutOfRange("nu", "nu must be positive, was 0", () => _ = new StudentT(0, 0, 1));
        Approx.ThrowsOutOfRange("scale", "scale must be positive", () => _ = new StudentT(3, 0, double.NaN));
        var t = new StudentT(3, 1, 2);
        Assert.Equal((3.0, 1.0, 2.0), (t.Nu, t.Location, t.Scale));
    }
}
