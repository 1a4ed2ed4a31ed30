using System;
using System.Linq;
using MleGen.Tests.EndToEnd;
using Xunit;

namespace MleGen.Tests.Language;

/// <summary>
/// [LogLikelihood] terms compiled by the real generator: the NLL equals the oracle (the families' own LogDensity plus
/// the term written in plain C#), the gradient, Hessian and scores equal finite differences, and a custom term that
/// is the Normal log density fits exactly as the Normal family does.
/// </summary>
public class CustomTermTests
{
    private static (double[] X, double[] Y) NormalData(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble() * 4 - 2;
            y[i] = Sampler.Draw(new Normal(0.7 - 1.3 * x[i], 0.8), rng);
        }

        return (x, y);
    }

    private static PenalizedPoissonModel Penalized(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var count = new int[n];
        var exposure = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble() * 2 - 1;
            exposure[i] = 0.5 + rng.NextDouble() * 2;
            count[i] = (int)Sampler.Draw(new PoissonLog(0.4 + 0.9 * x[i] + Math.Log(exposure[i])), rng);
        }

        return new PenalizedPoissonModel { x = x, Count = count, Exposure = exposure, A = 0.3, B = 0.8, Tau = 0.9 };
    }

    [Fact]
    public void ACustomNormalTermHasTheNormalFamilysNllGradientAndHessian()
    {
        var (x, y) = NormalData(40, 1);
        var custom = new CustomNormalModel { x = x, Y = y };
        var family = new FamilyNormalModel { x = x, Y = y };
        var rng = new Random(2);
        for (int k = 0; k < 4; k++)
        {
            double[] theta = [rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, 0.5 + rng.NextDouble()];
            Assert.Equal(((IMleModel)family).NegativeLogLikelihood(theta), ((IMleModel)custom).NegativeLogLikelihood(theta), 11);
            ModelChecker.CheckGradient(custom, theta);
            ModelChecker.CheckObservedInformation(custom, theta);
            var g = new double[3];
            var gf = new double[3];
            ((IMleModel)custom).NegativeLogLikelihood(theta, g);
            ((IMleModel)family).NegativeLogLikelihood(theta, gf);
            var h = new double[9];
            var hf = new double[9];
            ((IMleModel)custom).ObservedInformation(theta, h);
            ((IMleModel)family).ObservedInformation(theta, hf);
            for (int j = 0; j < 3; j++)
            {
                ModelChecker.AssertClose(gf[j], g[j], 1e-10 * Math.Max(1, Math.Abs(gf[j])), "gradient " + j);
            }

            for (int j = 0; j < 9; j++)
            {
                ModelChecker.AssertClose(hf[j], h[j], 1e-10 * Math.Max(1, Math.Abs(hf[j])), "Hessian " + j);
            }
        }
    }

    [Fact]
    public void ACustomNormalTermMatchesItsOracleAndScoresPerRow()
    {
        var (x, y) = NormalData(30, 3);
        var custom = new CustomNormalModel { x = x, Y = y, A = 0.2, B = -1, Sigma = 0.9 };
        var theta = ModelChecker.Current(custom);
        ModelChecker.CheckOracle(custom, theta);
        var rows = Enumerable.Range(0, y.Length)
            .Select(i => (Func<double[], double[]>)(t => ModelChecker.Gradient(new CustomNormalModel { x = [x[i]], Y = [y[i]] }, t)))
            .ToList();
        ModelChecker.CheckScoreOuterProduct(custom, theta, rows);
    }

    [Fact]
    public void SingleAndPerRowTermsAddToAFamilyTerm()
    {
        var model = Penalized(60, 4);
        var rng = new Random(5);
        var center = ModelChecker.Current(model);
        ModelChecker.CheckOracle(model, center);
        ModelChecker.CheckGradient(model, center);
        ModelChecker.CheckObservedInformation(model, center);
        for (int k = 0; k < 3; k++)
        {
            var theta = ModelChecker.RandomPoint(model, center, rng);
            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }

    [Fact]
    public void ACustomTermFitsAsTheNormalFamilyDoes()
    {
        var (x, y) = NormalData(200, 6);
        var custom = new CustomNormalModel { x = x, Y = y };
        var family = new FamilyNormalModel { x = x, Y = y };
        var fc = custom.Fit();
        var ff = family.Fit();
        Assert.True(fc.Converged, fc.ConvergenceReason);
        Assert.Equal(ff.LogLikelihood, fc.LogLikelihood, 9);
        Assert.Equal(ff.ObservationCount, fc.ObservationCount);
        foreach (var name in new[] { "A", "B", "Sigma" })
        {
            ModelChecker.AssertClose(ff[name].Estimate, fc[name].Estimate, 1e-7, name);
            ModelChecker.AssertClose(ff[name].StandardError!.Value, fc[name].StandardError!.Value, 1e-6 * ff[name].StandardError!.Value, name + " SE");
        }
    }

    [Fact]
    public void ExpectedInformationIsNotAvailableAndSaidSo()
    {
        var (x, y) = NormalData(50, 7);
        var custom = new CustomNormalModel { x = x, Y = y };
        Assert.False(((IMleModel)custom).HasExpectedInformation);
        Assert.False(((IMleModel)Penalized(20, 8)).HasExpectedInformation);
        var scoring = Assert.Throws<ArgumentException>(() => custom.Fit(new FitOptions { Method = FitMethod.FisherScoring }));
        Assert.Contains("HasExpectedInformation is false", scoring.Message, StringComparison.Ordinal);
        var expected = Assert.Throws<ArgumentException>(() => custom.Fit(new FitOptions { Covariance = CovarianceKind.Expected }));
        Assert.Contains("HasExpectedInformation is false", expected.Message, StringComparison.Ordinal);

        // A direct caller gets an error naming the term, never the observed information under the expected one's name.
        var theta = new double[3];
        ((IMleModel)custom).ReadParameters(theta);
        var direct = Assert.Throws<InvalidOperationException>(() => ((IMleModel)custom).ExpectedInformation(theta, new double[9]));
        Assert.Contains("'Density' is a custom [LogLikelihood] term", direct.Message, StringComparison.Ordinal);
        Assert.Contains("Expected information is not available", direct.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASingleTermCountsNoObservationsAndAPerRowTermOnObservedRowsNone()
    {
        var model = Penalized(25, 9);
        Assert.Equal(25, ((IMleModel)model).ObservationCount);
        var (x, y) = NormalData(12, 10);
        Assert.Equal(12, ((IMleModel)new CustomNormalModel { x = x, Y = y }).ObservationCount);
    }

    [Fact]
    public void DataOfTheWrongLengthInACustomTermNamesTheMember()
    {
        var (x, y) = NormalData(12, 11);
        var model = new CustomNormalModel { x = x.Take(11).ToArray(), Y = y };
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)model).ValidateData());
        Assert.Equal("x", e.Member);
        Assert.Contains("Y", e.Message, StringComparison.Ordinal);
    }
}
