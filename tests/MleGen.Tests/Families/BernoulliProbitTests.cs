using System;
using Xunit;

namespace MleGen.Tests.Families;

public class BernoulliProbitTests
{
    [Theory]
    [InlineData(-1.9)]
    [InlineData(-0.5)]
    [InlineData(0)]
    [InlineData(1.3)]
    [InlineData(2)]
    [InlineData(2.5)]
    [InlineData(-3)]
    public void EqualsBernoulliOfPhi(double eta)
    {
        var bernoulli = new Bernoulli(Functions.Phi(eta));
        var probit = new BernoulliProbit(eta);
        Approx.Equal(bernoulli.LogDensity(1), probit.LogDensity(1), 1e-12);
        Approx.Equal(bernoulli.LogDensity(0), probit.LogDensity(0), 1e-12);
        Approx.Equal(bernoulli.LogDensity(1), probit.LogDensity(true), 1e-12);
    }

    [Fact]
    public void ExtremeEtaStaysFinite()
    {
        var probit = new BernoulliProbit(-40);
        Approx.Equal(Functions.LogPhi(-40), probit.LogDensity(1));
        Assert.True(double.IsFinite(probit.LogDensity(1)));
        Assert.True(probit.LogDensity(0) <= 0);
        Assert.True(double.IsFinite(new BernoulliProbit(40).LogDensity(0)));
    }

    [Fact]
    public void SupportAndValidation()
    {
        Assert.Equal(double.NegativeInfinity, new BernoulliProbit(0).LogDensity(3));
        Approx.ThrowsOutOfRange("eta", "eta must be finite", () => _ = new BernoulliProbit(double.NegativeInfinity));
    }
}
