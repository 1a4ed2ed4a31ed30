using System;
using Xunit;

namespace MleGen.Tests.Families;

public class CategoricalLogitsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void LogDensityIsLogSoftmax(int y)
    {
        double[] logits = [0.5, -1.0, 2.0];
        var categorical = CategoricalLogits.Of(3, k => logits[k]);
        double normalizer = Math.Log(Math.Exp(0.5) + Math.Exp(-1.0) + Math.Exp(2.0));
        Approx.Equal(logits[y] - normalizer, categorical.LogDensity(y));
        Approx.Equal(logits[y] - normalizer, categorical.LogDensity((double)y));
    }

    [Fact]
    public void LargeLogitsAreStableAndProbabilitiesSumToOne()
    {
        var categorical = CategoricalLogits.Of(2, k => 1000 + k);
        Approx.Equal(-Math.Log(1 + Math.E), categorical.LogDensity(0));
        Approx.Equal(1, Math.Exp(categorical.LogDensity(0)) + Math.Exp(categorical.LogDensity(1)));
        Assert.Equal(2, categorical.Classes);
        Assert.Equal([1000.0, 1001.0], categorical.Logits.ToArray());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(0.5)]
    public void OutsideSupportIsMinusInfinity(double y)
    {
        Assert.False(CategoricalLogits.IsInSupport(y, 3));
        Assert.Equal(double.NegativeInfinity, CategoricalLogits.Of(3, k => k).LogDensity(y));
    }

    [Fact]
    public void Validation()
    {
        Approx.ThrowsOutOfRange("classes", "classes must be at least 1, was 0", () => CategoricalLogits.Of(0, k => k));
        Approx.ThrowsOutOfRange("logit", "logit(1) must be finite, was NaN", () => CategoricalLogits.Of(2, k => k == 1 ? double.NaN : 0));
        Assert.Equal(double.NegativeInfinity, default(CategoricalLogits).LogDensity(0));
    }
}
