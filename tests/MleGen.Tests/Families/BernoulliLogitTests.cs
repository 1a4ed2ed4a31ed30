using System;
using Xunit;

namespace MleGen.Tests.Families;

public class BernoulliLogitTests
{
    [Theory]
    [InlineData(-3.9)]
    [InlineData(-0.5)]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(4.0000001)]
    [InlineData(-6)]
    public void EqualsBernoulliOfLogistic(double eta)
    {
        var bernoulli = new Bernoulli(Functions.Logistic(eta));
        var logit = new BernoulliLogit(eta);
        Approx.Equal(bernoulli.LogDensity(1), logit.LogDensity(1), 1e-13);
        Approx.Equal(bernoulli.LogDensity(0), logit.LogDensity(0), 1e-13);
        Approx.Equal(bernoulli.LogDensity(0), logit.LogDensity(false), 1e-13);
        Approx.Equal(bernoulli.LogDensity(1), logit.LogDensity(1.0), 1e-13);
    }

    [Fact]
    public void ExtremeEtaStaysAccurateInLogSpace()
    {
        // log p = −log(1 + e^−η), log(1 − p) = −η − log(1 + e^−η) for η = 50.
        var logit = new BernoulliLogit(50);
        Approx.Equal(-Math.Exp(-50), logit.LogDensity(1), 1e-15);
        Approx.Equal(-50 - Math.Exp(-50), logit.LogDensity(0));
        Approx.Equal(-800, new BernoulliLogit(-800).LogDensity(1));
        Assert.Equal(0, new BernoulliLogit(-800).LogDensity(0));
    }

    [Fact]
    public void SupportAndValidation()
    {
        Assert.Equal(double.NegativeInfinity, new BernoulliLogit(0).LogDensity(0.5));
        Assert.Equal(double.NegativeInfinity, new BernoulliLogit(0).LogDensity(-1));
        Approx.ThrowsOutOfRange("eta", "eta must be finite", () => _ = new BernoulliLogit(double.NaN));
        Assert.Equal(1.5, new BernoulliLogit(1.5).Eta);
    }
}
