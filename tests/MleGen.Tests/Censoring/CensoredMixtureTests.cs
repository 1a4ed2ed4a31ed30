using System;
using System.Linq;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using MleGen.Tests.Simd;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>A two-component normal mixture with right- and left-censored rows; the oracle sums the family's own functions.</summary>
[Model]
public partial class CensoredMixtureModel : IOracleModel
{
    [Data] public required double[] Y { get; init; }
    [Data] public required bool[] Right { get; init; }
    [Data] public required bool[] Left { get; init; }
    [Param(Simplex = true)] public double[] Weights = [];
    [Param] public double[] Means = [];
    #pragma warning disable MLE0102 // the plain mixture likelihood on purpose: the tests compare it with its oracle
    [Param(Lower = 0)] public double[] Sds = [];
    #pragma warning restore MLE0102

    [Likelihood(nameof(Y), RightCensored = nameof(Right), LeftCensored = nameof(Left))]
    internal NormalMixture Observation(int i) => new(Weights, Means, Sds);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var family = Observation(i);
            nll -= Right[i] ? family.LogCcdf(Y[i]) : Left[i] ? family.LogCdf(Y[i]) : family.LogDensity(Y[i]);
        }

        return nll;
    }
}

/// <summary>A two-component normal mixture truncated to [Lower, Upper].</summary>
[Model]
public partial class TruncatedMixtureModel : IOracleModel
{
    [Data] public required double[] Y { get; init; }
    [Data] public required double Lower { get; init; }
    [Data] public required double Upper { get; init; }
    [Param(Simplex = true)] public double[] Weights = [];
    [Param] public double[] Means = [];
    #pragma warning disable MLE0102 // as above
    [Param(Lower = 0)] public double[] Sds = [];
    #pragma warning restore MLE0102

    [Likelihood(nameof(Y), TruncatedBelow = nameof(Lower), TruncatedAbove = nameof(Upper))]
    internal NormalMixture Observation(int i) => new(Weights, Means, Sds);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            var family = Observation(i);
            double mass = Math.Exp(family.LogCcdf(Lower)) - Math.Exp(family.LogCcdf(Upper));
            nll -= family.LogDensity(Y[i]) - Math.Log(mass);
        }

        return nll;
    }
}

/// <summary>Censoring and truncation of <see cref="NormalMixture"/>: log Σₖ wₖ Φ(±zₖ) by log-sum-exp.</summary>
public class CensoredMixtureTests
{
    private static CensoredMixtureModel Censored(int seed)
    {
        var rng = new Random(seed);
        var truth = new NormalMixture([0.35, 0.65], [-1.0, 2.0], [0.6, 1.1]);
        int n = 60;
        var y = Enumerable.Range(0, n).Select(_ => Sampler.Draw(truth, rng)).ToArray();
        var right = new bool[n];
        var left = new bool[n];
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            right[i] = u < 0.3;
            left[i] = u > 0.8;
        }

        return new CensoredMixtureModel { Y = y, Right = right, Left = left, Weights = [0.4, 0.6], Means = [-0.8, 1.7], Sds = [0.7, 1.0] };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void NllGradientAndObservedInformationAgreeWithTheOracleAndDifferences(int width)
    {
        var model = VectorPaths.Force(Censored(3), width);
        var rng = new Random(9);
        var center = ModelChecker.Current(model);
        foreach (var theta in new[] { center, ModelChecker.RandomPoint(model, center, rng), ModelChecker.RandomPoint(model, center, rng) })
        {
            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }

    /// <summary>
    /// Rows censored 40 standard deviations out in either tail: log S and log F are about −800 there, where the plain
    /// 1 − F and F underflow; the generated NLL matches the family's functions and its gradient stays finite.
    /// </summary>
    [Fact]
    public void FarTailRowsStayFiniteAndExact()
    {
        double[] y = [-1.2, 0.4, 2.5, 3.1, 60.0, -45.0];
        var model = new CensoredMixtureModel
        {
            Y = y, Right = [false, false, false, false, true, false], Left = [false, false, false, false, false, true],
            Weights = [0.4, 0.6], Means = [-0.8, 1.7], Sds = [0.7, 1.0],
        };
        var theta = ModelChecker.Current(model);
        var family = new NormalMixture([0.4, 0.6], [-0.8, 1.7], [0.7, 1.0]);
        Assert.True(family.LogCcdf(60) < -1000 && double.IsFinite(family.LogCcdf(60)));
        Assert.True(family.LogCdf(-45) < -1000 && double.IsFinite(family.LogCdf(-45)));
        ModelChecker.CheckOracle(model, theta);
        Assert.All(ModelChecker.Gradient(model, theta), g => Assert.True(double.IsFinite(g)));
        ModelChecker.CheckGradient(model, theta);
    }

    /// <summary>One component: the mixture's log CDF and log survival are the normal's.</summary>
    [Theory]
    [InlineData(-40.0)]
    [InlineData(-3.0)]
    [InlineData(0.2)]
    [InlineData(5.0)]
    [InlineData(38.0)]
    public void OneComponentIsTheNormal(double y)
    {
        var mixture = new NormalMixture([1.0], [0.5], [1.3]);
        var normal = new Normal(0.5, 1.3);
        Assert.Equal(normal.LogCdf(y), mixture.LogCdf(y), 13);
        Assert.Equal(normal.LogCcdf(y), mixture.LogCcdf(y), 13);
    }

    [Fact]
    public void CensoredTermsHaveNoExpectedInformation()
    {
        IMleModel model = Censored(5);
        Assert.False(model.HasExpectedInformation);
        var theta = ModelChecker.Current(model);
        var e = Assert.Throws<InvalidOperationException>(() => model.ExpectedInformation(theta, new double[theta.Length * theta.Length]));
        Assert.Contains("'Observation' is censored", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The mixture's expected information is a quadrature of the plain density: a truncated term must not get it.</summary>
    [Fact]
    public void TruncatedTermsHaveNoExpectedInformation()
    {
        IMleModel model = new TruncatedMixtureModel { Y = [-0.5, 0.3, 1.9], Lower = -1.5, Upper = 2.5, Weights = [0.45, 0.55], Means = [-0.9, 1.4], Sds = [0.7, 1.0] };
        Assert.False(model.HasExpectedInformation);
        var theta = ModelChecker.Current(model);
        var e = Assert.Throws<InvalidOperationException>(() => model.ExpectedInformation(theta, new double[theta.Length * theta.Length]));
        Assert.Contains("'Observation' is truncated", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void TruncationRenormalizesByTheAllowedMass(int width)
    {
        var rng = new Random(21);
        var truth = new NormalMixture([0.5, 0.5], [-1.0, 1.5], [0.8, 0.9]);
        var y = Enumerable.Range(0, 400).Select(_ => Sampler.Draw(truth, rng)).Where(v => v > -1.5 && v < 2.5).Take(50).ToArray();
        var model = VectorPaths.Force(new TruncatedMixtureModel { Y = y, Lower = -1.5, Upper = 2.5, Weights = [0.45, 0.55], Means = [-0.9, 1.4], Sds = [0.7, 1.0] }, width);
        var center = ModelChecker.Current(model);
        foreach (var theta in new[] { center, ModelChecker.RandomPoint(model, center, rng) })
        {
            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }
}
