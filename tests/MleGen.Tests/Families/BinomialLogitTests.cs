using System;
using MathNet.Numerics;
using Xunit;

namespace MleGen.Tests.Families;

public class BinomialLogitTests
{
    [Theory]
    [InlineData(10, 3, -1.2)]
    [InlineData(10, 10, 3.9)]
    [InlineData(40, 17, 0)]
    [InlineData(8, 2, -4.5)]
    [InlineData(8, 6, 5)]
    public void EqualsBinomialOfLogistic(int trials, int y, double eta)
    {
        double expected = new Binomial(trials, Functions.Logistic(eta)).LogDensity(y);
        Approx.Equal(expected, new BinomialLogit(trials, eta).LogDensity(y), 1e-12);
    }

    [Fact]
    public void ExtremeEtaUsesLogSpace()
    {
        // k·log p + (n − k)·log(1 − p) with log p = −log1p(e^−η), log(1 − p) = −η − log1p(e^−η).
        int n = 20, k = 5;
        double eta = 60;
        double expected = SpecialFunctions.BinomialLn(n, k) - (k * Math.Exp(-eta)) - ((n - k) * (eta + Math.Exp(-eta)));
        Approx.Equal(expected, new BinomialLogit(n, eta).LogDensity(k));
    }

    [Fact]
    public void SupportAndValidation()
    {
        Assert.Equal(double.NegativeInfinity, new BinomialLogit(4, 0).LogDensity(5));
        Assert.Equal(double.NegativeInfinity, new BinomialLogit(4, 0).LogDensity(1.5));
        Assert.True(BinomialLogit.IsInSupport(4, 4));
        Approx.ThrowsOutOfRange("eta", "eta must be finite", () => _ = new BinomialLogit(4, double.NaN));
        Approx.ThrowsOutOfRange("trials", "trials must be non-negative", () => _ = new BinomialLogit(-3, 0));
    }
}
