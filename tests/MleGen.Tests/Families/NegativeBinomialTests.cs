using System;
using MathNet.Numerics;
using Xunit;

namespace MleGen.Tests.Families;

public class NegativeBinomialTests
{
    [Theory]
    [InlineData(2, 1, 0)]
    [InlineData(2, 1, 5)]
    [InlineData(10, 0.5, 3)]
    [InlineData(0.3, 4, 1)]
    [InlineData(50, 20, 70)]
    public void LogDensityMatchesMeanDispersionFormula(double mean, double dispersion, int y)
    {
        double phi = dispersion;
        double expected = SpecialFunctions.GammaLn(y + phi) - SpecialFunctions.GammaLn(phi) - SpecialFunctions.GammaLn(y + 1)
            + (phi * Math.Log(phi / (phi + mean))) + (y * Math.Log(mean / (phi + mean)));
        Approx.Equal(expected, new NegativeBinomial(mean, dispersion).LogDensity(y), 1e-11);
        Approx.Equal(expected, new NegativeBinomial(mean, dispersion).LogDensity((double)y), 1e-11);
    }

    [Theory]
    [InlineData(1e-10, 1, 2)]
    [InlineData(1e-3, 5, 0)]
    [InlineData(0.5, 100, 3)]
    public void MeanFarBelowDispersionStaysAccurate(double mean, double phi, int y)
    {
        // log(φ/(φ + μ)) = −log1p(μ/φ), by its series (μ/φ ≤ 0.005 here), so nothing cancels.
        double u = mean / phi;
        double log1p = u - (u * u / 2) + (u * u * u / 3) - (u * u * u * u / 4) + (Math.Pow(u, 5) / 5) - (Math.Pow(u, 6) / 6);
        double expected = SpecialFunctions.GammaLn(y + phi) - SpecialFunctions.GammaLn(phi) - SpecialFunctions.GammaLn(y + 1)
            - (phi * log1p) + (y * (Math.Log(mean) - Math.Log(phi + mean)));
        Approx.Equal(expected, new NegativeBinomial(mean, phi).LogDensity(y), 1e-13);
    }

    [Fact]
    public void LargeDispersionApproachesPoisson()
    {
        Approx.Equal(new Poisson(3).LogDensity(4), new NegativeBinomial(3, 1e7).LogDensity(4), 1e-5);
    }

    [Fact]
    public void SupportAndValidation()
    {
        var nb = new NegativeBinomial(2, 1);
        Assert.Equal(double.NegativeInfinity, nb.LogDensity(1.5));
        Assert.Equal(double.NegativeInfinity, nb.LogDensity(-1));
        Assert.Equal(0, new NegativeBinomial(0, 1).LogDensity(0));
        Approx.ThrowsOutOfRange("dispersion", "dispersion must be positive", () => _ = new NegativeBinomial(1, 0));
        Approx.ThrowsOutOfRange("mean", "mean must be non-negative", () => _ = new NegativeBinomial(-1, 1));
        Assert.Equal((2.0, 1.0), (nb.Mean, nb.Dispersion));
    }
}
