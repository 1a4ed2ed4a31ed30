using System;
using Xunit;

namespace MleGen.Tests.Families;

public class NormalMixtureTests
{
    private static double NormalPdf(double y, double mean, double sd)
    {
        double z = (y - mean) / sd;
        return Math.Exp(-0.5 * z * z) / (sd * Math.Sqrt(2 * Math.PI));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.3)]
    [InlineData(-4)]
    [InlineData(6)]
    public void LogDensityIsLogOfWeightedSum(double y)
    {
        double[] w = [0.2, 0.5, 0.3], mu = [-2, 0, 3], sd = [0.5, 1, 2];
        double expected = Math.Log((w[0] * NormalPdf(y, mu[0], sd[0])) + (w[1] * NormalPdf(y, mu[1], sd[1])) + (w[2] * NormalPdf(y, mu[2], sd[2])));
        Approx.Equal(expected, new NormalMixture(w, mu, sd).LogDensity(y));
    }

    [Fact]
    public void FarTailStaysFinite()
    {
        // Both densities underflow; the dominant (wider) component gives the answer.
        var mixture = new NormalMixture([0.5, 0.5], [0, 0], [1, 2]);
        double y = 100;
        double dominant = Math.Log(0.5) - (0.5 * Approx.LogTwoPi) - Math.Log(2) - (0.5 * (y / 2) * (y / 2));
        Approx.Equal(dominant, mixture.LogDensity(y));
    }

    [Fact]
    public void ZeroWeightComponentIsIgnoredAndSingleComponentIsNormal()
    {
        Approx.Equal(new Normal(1, 2).LogDensity(0.3), new NormalMixture([1, 0], [1, 5], [2, 1]).LogDensity(0.3));
        Assert.Equal(double.NegativeInfinity, new NormalMixture([1], [0], [1]).LogDensity(double.NaN));
    }

    [Fact]
    public void CopiesItsArrays()
    {
        double[] means = [0, 1];
        var mixture = new NormalMixture([0.5, 0.5], means, [1, 1]);
        means[0] = 99;
        Assert.Equal(0, mixture.Means[0]);
        Assert.Equal(2, mixture.Components);
        Assert.Equal([0.5, 0.5], mixture.Weights.ToArray());
        Assert.Equal([1.0, 1.0], mixture.Sds.ToArray());
    }

    [Fact]
    public void Validation()
    {
        Approx.ThrowsOutOfRange("sds", "sds[1] must be positive and finite, was -1", () => _ = new NormalMixture([0.5, 0.5], [0, 1], [1, -1]));
        Approx.ThrowsOutOfRange("weights", "weights must sum to 1", () => _ = new NormalMixture([0.5, 0.6], [0, 1], [1, 1]));
        Approx.ThrowsOutOfRange("weights", "weights[0] must be non-negative", () => _ = new NormalMixture([-0.5, 1.5], [0, 1], [1, 1]));
        Approx.ThrowsOutOfRange("means", "means[1] must be finite", () => _ = new NormalMixture([0.5, 0.5], [0, double.NaN], [1, 1]));
        Assert.Throws<ArgumentException>(() => new NormalMixture([0.5, 0.5], [0], [1, 1]));
        Assert.Throws<ArgumentException>(() => new NormalMixture([], [], []));
    }
}
