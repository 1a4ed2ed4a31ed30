using System;
using System.Collections.Generic;
using Xunit;

namespace MleGen.Tests.Fitting;

/// <summary>A fixed value must be a value the parameter can take: strictly inside its (exclusive) bounds.</summary>
public class FixedBoundsTests
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void AFixedScaleOnOrBelowItsLowerBoundIsRejected(double sigma)
    {
        var (_, model) = ReferenceModels.OlsCars();
        var e = Assert.ThrowsAny<ArgumentException>(() => ModelFitter.Fit(model, new FitOptions { Fixed = new Dictionary<string, double> { ["Sigma"] = sigma } }));
        Assert.Contains("Sigma", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFixedValueInsideTheBoundsIsHeld()
    {
        var (_, model) = ReferenceModels.OlsCars();
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Fixed = new Dictionary<string, double> { ["Sigma"] = 15 } });
        Assert.Equal(15, fit["Sigma"].Estimate);
        Assert.True(double.IsFinite(fit.LogLikelihood));
    }

    [Fact]
    public void BothBoundsOfAnIntervalParameterAreExclusive()
    {
        var model = new BoundedProbabilityModel();
        Assert.ThrowsAny<ArgumentException>(() => ModelFitter.Fit(model, new FitOptions { Fixed = new Dictionary<string, double> { ["P"] = 1 } }));
        Assert.ThrowsAny<ArgumentException>(() => ModelFitter.Fit(model, new FitOptions { Fixed = new Dictionary<string, double> { ["P"] = 0 } }));
        Assert.ThrowsAny<ArgumentException>(() => ModelFitter.Fit(model, new FitOptions { Fixed = new Dictionary<string, double> { ["P"] = 1.5 } }));
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Fixed = new Dictionary<string, double> { ["P"] = 0.25 } });
        Assert.Equal(0.25, fit["P"].Estimate);
    }
}

[Model]
public partial class BoundedProbabilityModel
{
    [Data] public int[] Y = [1, 0, 0, 1, 1, 0, 1];
    [Param(Lower = 0, Upper = 1)] public double P = 0.5;
    [Param] public double Unused;

    [Likelihood(nameof(Y))]
    internal BernoulliLogit Observation(int i) => new(Math.Log(P / (1 - P)) + Unused);
}
