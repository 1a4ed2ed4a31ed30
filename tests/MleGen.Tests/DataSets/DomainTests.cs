using System;
using System.Collections.Generic;
using Xunit;

namespace MleGen.Tests.DataSets;

/// <summary>
/// Values computed from data alone are checked once per data set: a family argument outside its domain (an
/// sd from data ≤ 0), an expression that is not finite (log of an exposure ≤ 0), a negative weight — each a
/// <see cref="ModelDataException"/> at the first evaluation naming the term, the observation and the value,
/// not a NaN likelihood or a fit that fails after dozens of iterations.
/// </summary>
public class DomainTests
{
    [Theory]
    [InlineData(0.0, "-Infinity")]
    [InlineData(-2.0, "NaN")]
    public void AnExposureThatIsNotPositiveIsNamedAtTheFirstEvaluation(double exposure, string value)
    {
        var model = Exposure();
        model.Exposure[3] = exposure;
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood([0, 0]));
        Assert.Equal("Exposure", e.Member);
        Assert.Equal(3, e.Index);
        Assert.Contains("Math.Log(Exposure[i])", e.Message, StringComparison.Ordinal);
        Assert.Contains("Observation at observation 3", e.Message, StringComparison.Ordinal);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
        Assert.Contains("Exposure[3] = " + exposure.ToString("R", System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);

        int iterations = 0;
        var fit = Assert.Throws<ModelDataException>(() => model.Fit(new FitOptions { Progress = new Counter(() => iterations++) }));
        Assert.Equal("Exposure", fit.Member);
        Assert.Equal(0, iterations);
    }

    [Fact]
    public void APositiveExposureFitsTheOffsetModel()
    {
        FitResult fit = Exposure().Fit();
        Assert.True(fit.Converged, fit.ConvergenceReason);
        Assert.Equal(0.3, fit["A"].Estimate, 0);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void AnSdFromTheDataThatIsNotPositiveIsNamed(double sd)
    {
        var model = new KnownSdModel { X = [0, 1, 2, 3], Sd = [1, 1, sd, 1], Y = [0.1, 1.2, 1.9, 3.2] };
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood([0, 1]));
        Assert.Equal("Sd", e.Member);
        Assert.Equal(2, e.Index);
        Assert.Contains("the sd of Normal in Observation at observation 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 * Sd[i]", e.Message, StringComparison.Ordinal);
        Assert.Contains("positive", e.Message, StringComparison.Ordinal);
        Assert.Throws<ModelDataException>(() => model.Fit());
    }

    [Theory]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void AWeightThatIsNegativeOrNotFiniteIsNamed(double weight)
    {
        var model = new WeightedPoissonModel { X = [0, 1, 2, 3], W = [1, weight, 3, 4], Y = [1, 2, 4, 9] };
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood([0, 0]));
        Assert.Equal("W", e.Member);
        Assert.Equal(1, e.Index);
        Assert.Throws<ModelDataException>(() => model.Fit());
    }

    [Fact]
    public void ZeroWeightsDropTheirObservations()
    {
        var weighted = new WeightedPoissonModel { X = [0, 1, 2, 3], W = [1, 0, 1, 1], Y = [1, 2, 4, 9] };
        var dropped = new WeightedPoissonModel { X = [0, 2, 3], W = [1, 1, 1], Y = [1, 4, 9] };
        Assert.Equal(dropped.Fit().LogLikelihood, weighted.Fit().LogLikelihood, 9);
    }

    [Fact]
    public void MixtureWeightsGivenAsDataMustBeAProbabilityVector()
    {
        var model = new KnownWeightsMixtureModel { Y = [-1.2, 0.9, 1.1, -0.8, 1.3], Weights = [0.3, 0.6] };
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood([-1, 1, 1, 1]));
        Assert.Equal("Weights", e.Member);
        Assert.Contains("sum to 1", e.Message, StringComparison.Ordinal);
        model.Weights = [-0.3, 1.3];
        var negative = Assert.Throws<ModelDataException>(() => ((IMleModel)model).NegativeLogLikelihood([-1, 1, 1, 1]));
        Assert.Equal(0, negative.Index);
    }

    private static ExposureModel Exposure()
    {
        var rng = new Random(5);
        int n = 60;
        var model = new ExposureModel { X = new double[n], Exposure = new double[n], Y = new int[n] };
        for (int i = 0; i < n; i++)
        {
            model.X[i] = rng.NextDouble();
            model.Exposure[i] = 0.5 + (2 * rng.NextDouble());
            double rate = model.Exposure[i] * Math.Exp(0.3 + (0.8 * model.X[i]));
            model.Y[i] = MathNet.Numerics.Distributions.Poisson.Sample(rng, rate);
        }

        return model;
    }

    private sealed class Counter(Action onReport) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => onReport();
    }
}
