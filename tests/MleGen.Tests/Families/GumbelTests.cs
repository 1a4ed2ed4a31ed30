using System;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using MleGen.Tests.Fitting;
using Xunit;

namespace MleGen.Tests.Families;

/// <summary>
/// The Gumbel (maximum) family, added as one descriptor + one runtime struct + this file: its density, CDF and
/// moments against closed forms and quadrature, the generated NLL against the struct's own LogDensity (plain and
/// censored), gradients and observed information against differences, the closed-form expected information against
/// a quadrature of the struct's scores and a Monte Carlo, and a fit against R (tests/data/reference/gumbel_simulated).
/// </summary>
public class GumbelTests
{
    private const double EulerGamma = 0.57721566490153286;

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(10, 2.5, 3.7)]
    [InlineData(-1, 0.3, 4)]
    [InlineData(2, 7, -30)]
    public void LogDensityIsTheLogOfExpOfMinusZMinusExpMinusZOverScale(double location, double scale, double y)
    {
        double z = (y - location) / scale;
        double density = Math.Exp(-(z + Math.Exp(-z))) / scale;
        Approx.Equal(Math.Log(density), new Gumbel(location, scale).LogDensity(y), 1e-14);
    }

    [Fact]
    public void SupportAndArguments()
    {
        Assert.True(Gumbel.IsInSupport(-1e300));
        Assert.False(Gumbel.IsInSupport(double.NaN));
        Assert.False(Gumbel.IsInSupport(double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, new Gumbel(0, 1).LogDensity(double.NegativeInfinity));
        Assert.Equal(double.NegativeInfinity, new Gumbel(0, 1).LogDensity(-800)); // e^800 overflows: the density is 0
        Approx.ThrowsOutOfRange("scale", "scale must be positive", () => _ = new Gumbel(0, 0));
        Approx.ThrowsOutOfRange("location", "location must be finite", () => _ = new Gumbel(double.NaN, 1));
    }

    [Fact]
    public void DensityIntegratesToOneWithTheStatedMeanAndVariance()
    {
        var g = new Gumbel(1.5, 0.8);
        double mass = Integrate(g, y => 1);
        double mean = Integrate(g, y => y);
        double variance = Integrate(g, y => (y - mean) * (y - mean));
        Approx.Equal(1, mass, 1e-12);
        Approx.Equal(1.5 + (EulerGamma * 0.8), g.Mean, 1e-15);
        Approx.Equal(g.Mean, mean, 1e-11);
        Approx.Equal(Math.PI * Math.PI * 0.64 / 6, g.Variance, 1e-15);
        Approx.Equal(g.Variance, variance, 1e-10);
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(-0.5)]
    [InlineData(0)]
    [InlineData(1.2)]
    [InlineData(6)]
    public void CdfAndSurvivalAddUpToOneAndAreExactInBothTails(double z)
    {
        var g = new Gumbel(2, 3);
        double y = 2 + (3 * z);
        Approx.Equal(-Math.Exp(-z), g.LogCdf(y), 1e-15);
        Approx.Equal(1, Math.Exp(g.LogCdf(y)) + Math.Exp(g.LogCcdf(y)), 1e-14);

        // Right tail: S = 1 − exp(−t), t = e^−z → log S = log t + log1p(−t/2 + …) ≈ −z − t/2; left tail: log S → 0⁻.
        Approx.Equal(-40 - (0.5 * Math.Exp(-40)), g.LogCcdf(2 + (3 * 40)), 1e-15);
        Assert.True(g.LogCcdf(2 - (3 * 5)) is < 0 and > -1e-60);
        Assert.Equal(double.NegativeInfinity, g.LogCdf(2 - (3 * 800)));
    }

    [Fact]
    public void GeneratedNllGradientAndObservedInformationMatchTheStructAndDifferences()
    {
        var model = Regression(60, seed: 3, censored: false);
        var rng = new Random(4);
        var center = ModelChecker.Current(model);
        foreach (var theta in new[] { center, ModelChecker.RandomPoint(model, center, rng), ModelChecker.RandomPoint(model, center, rng) })
        {
            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }

        Assert.True(model.HasExpectedInformation);
    }

    [Fact]
    public void CensoredGumbelMatchesLogCdfAndLogCcdfWithExactDerivatives()
    {
        var model = Regression(60, seed: 5, censored: true);
        var rng = new Random(6);
        var center = ModelChecker.Current(model);
        foreach (var theta in new[] { center, ModelChecker.RandomPoint(model, center, rng), ModelChecker.RandomPoint(model, center, rng) })
        {
            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }

        Assert.False(model.HasExpectedInformation);
    }

    /// <summary>
    /// The generated expected information of n iid observations is n·F(μ, σ), F = [[1, −(1−γ)], [−(1−γ), (1−γ)² + π²/6]]/σ²;
    /// here F is computed independently as ∫ s sᵀ f dy, with s the central differences of the struct's LogDensity.
    /// </summary>
    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 2.5)]
    [InlineData(-3, 0.4)]
    public void ExpectedInformationIsTheQuadratureOfTheStructsScores(double location, double scale)
    {
        const int n = 7;
        IMleModel model = new GumbelSample { Y = new double[n], Location = location, Scale = scale };
        double[] theta = [location, scale];
        var information = new double[4];
        model.ExpectedInformation(theta, information);

        var g = new Gumbel(location, scale);
        double hm = 1e-5 * Math.Max(1, Math.Abs(location)), hs = 1e-5 * scale;
        double ScoreLocation(double y) => (new Gumbel(location + hm, scale).LogDensity(y) - new Gumbel(location - hm, scale).LogDensity(y)) / (2 * hm);
        double ScoreScale(double y) => (new Gumbel(location, scale + hs).LogDensity(y) - new Gumbel(location, scale - hs).LogDensity(y)) / (2 * hs);
        double[] quadrature =
        [
            Integrate(g, y => ScoreLocation(y) * ScoreLocation(y)),
            Integrate(g, y => ScoreLocation(y) * ScoreScale(y)),
            Integrate(g, y => ScoreScale(y) * ScoreLocation(y)),
            Integrate(g, y => ScoreScale(y) * ScoreScale(y)),
        ];
        for (int k = 0; k < 4; k++)
        {
            Approx.Equal(n * quadrature[k], information[k], 1e-7);
        }

        Approx.Equal(n * (1 - EulerGamma) * -1 / (scale * scale), information[1], 1e-14);
    }

    [Fact]
    public void ExpectedInformationAgreesWithTheScoresOfALargeSimulatedSample()
    {
        var model = Regression(20000, seed: 7, censored: false);
        ModelChecker.CheckExpectedMonteCarlo(model, ModelChecker.Current(model));
    }

    [Fact]
    public void FitMatchesR()
    {
        var c = ReferenceCase.Load("gumbel_simulated");
        var model = new GumbelSample { Y = c.Columns["y"], Location = 0, Scale = 1 };
        FitResult fit = model.Fit();
        Assert.True(fit.Converged, fit.ToString());
        FitResult expected = fit.WithCovariance(CovarianceKind.Expected);
        foreach (string name in new[] { "Location", "Scale" })
        {
            string r = name.ToLowerInvariant();
            Expect.Relative(c.ParameterNumber(r, "estimate"), fit[name].Estimate, c.Tolerance("estimate"), name);
            Expect.Relative(c.ParameterNumber(r, "se"), fit[name].StandardError!.Value, c.Tolerance("se"), name + " se");
            Expect.Relative(c.ParameterNumber(r, "se_expected"), expected[name].StandardError!.Value, c.Tolerance("se"), name + " se_expected");
        }

        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"), "loglik");
        Expect.Relative(c.Number("aic"), fit.Aic, c.Tolerance("loglik"), "aic");
        Expect.Relative(c.Number("bic"), fit.Bic, c.Tolerance("loglik"), "bic");
    }

    /// <summary>∫ h(y) f(y) dy by Simpson's rule over z ∈ [−8, 60] (the density is below 1e−1300 left of it and 1e−26 right).</summary>
    private static double Integrate(Gumbel g, Func<double, double> h)
    {
        const int intervals = 40000;
        double a = g.Location - (8 * g.Scale), b = g.Location + (60 * g.Scale), step = (b - a) / intervals, sum = 0;
        for (int k = 0; k <= intervals; k++)
        {
            double y = a + (k * step);
            double weight = k == 0 || k == intervals ? 1 : k % 2 == 1 ? 4 : 2;
            sum += weight * h(y) * Math.Exp(g.LogDensity(y));
        }

        return sum * step / 3;
    }

    /// <summary>Location A + B·x, scale Scale; y drawn by inversion at the truth; a third right-censored, a sixth left-censored when asked.</summary>
    private static IOracleModel Regression(int n, int seed, bool censored)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var right = new bool[n];
        var left = new bool[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (rng.NextDouble() * 2) - 1;
            y[i] = 0.3 + (1.2 * x[i]) - (0.7 * Math.Log(-Math.Log(rng.NextDouble())));
            double u = rng.NextDouble();
            right[i] = censored && u < 1.0 / 3;
            left[i] = censored && u > 5.0 / 6;
        }

        return censored
            ? new CensoredGumbelRegression { x = x, Y = y, Right = right, Left = left, A = 0.3, B = 1.2, Scale = 0.7 }
            : new GumbelRegression { x = x, Y = y, A = 0.3, B = 1.2, Scale = 0.7 };
    }
}

[Model]
public partial class GumbelSample
{
    [Data] public required double[] Y { get; init; }
    [Param] public double Location;
    [Param(Lower = 0)] public double Scale = 1;

    [Likelihood(nameof(Y))]
    internal Gumbel Observation(int i) => new(Location, Scale);
}

[Model]
public partial class GumbelRegression : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Scale = 1;

    [Likelihood(nameof(Y))]
    internal Gumbel Observation(int i) => new(A + (B * x[i]), Scale);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= Observation(i).LogDensity(Y[i]);
        }

        return nll;
    }
}

[Model]
public partial class CensoredGumbelRegression : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Data] public required bool[] Right { get; init; }
    [Data] public required bool[] Left { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Scale = 1;

    [Likelihood(nameof(Y), RightCensored = nameof(Right), LeftCensored = nameof(Left))]
    internal Gumbel Observation(int i) => new(A + (B * x[i]), Scale);

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
