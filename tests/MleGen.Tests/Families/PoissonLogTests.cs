using System;
using Xunit;

namespace MleGen.Tests.Families;

public class PoissonLogTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1.2, 4)]
    [InlineData(-3, 1)]
    [InlineData(6, 390)]
    public void EqualsPoissonOfExp(double eta, int y)
    {
        Approx.Equal(new Poisson(Math.Exp(eta)).LogDensity(y), new PoissonLog(eta).LogDensity(y), 1e-13);
    }

    [Fact]
    public void ExtremeEtaNeverNaN()
    {
        Assert.Equal(0, new PoissonLog(-800).LogDensity(0));
        Approx.Equal(-800, new PoissonLog(-800).LogDensity(1));
        Assert.Equal(double.NegativeInfinity, new PoissonLog(800).LogDensity(3));
    }

    [Fact]
    public void SupportAndValidation()
    {
        Assert.Equal(double.NegativeInfinity, new PoissonLog(0).LogDensity(0.5));
        Approx.ThrowsOutOfRange("eta", "eta must be finite", () => _ = new PoissonLog(double.PositiveInfinity));
    }
}
