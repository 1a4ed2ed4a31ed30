using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MathNet.Numerics.Distributions;
using MleGen.Tests.Fitting.TestModels;
using MleGen.Tests.Optimization;
using Xunit;

namespace MleGen.Tests.Fitting;

public class ModelFitterTests
{
    [Fact]
    public void ProfileEqualsWaldWhenTheLikelihoodIsQuadratic()
    {
        // With Sigma held at its MLE the Gaussian log-likelihood is exactly quadratic in the coefficients.
        var (_, model) = ReferenceModels.OlsCars();
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Fixed = new Dictionary<string, double> { ["Sigma"] = 15.0688559957914 } });
        foreach (string name in new[] { "Intercept", "Beta[0]" })
        {
            ParameterEstimate p = fit[name];
            var (lower, upper) = fit.ProfileInterval(name);
            Expect.Relative(p.Lower!.Value, lower, 1e-7, name + " lower");
            Expect.Relative(p.Upper!.Value, upper, 1e-7, name + " upper");
        }
    }

    [Fact]
    public void ProfileIntervalsNarrowWithTheLevel()
    {
        var (_, model) = ReferenceModels.LogisticMtcars();
        FitResult fit = ModelFitter.Fit(model);
        var (l90, u90) = fit.ProfileInterval("Beta[1]", 0.90);
        var (l95, u95) = fit.ProfileInterval("Beta[1]");
        Assert.True(l95 < l90 && l90 < fit["Beta[1]"].Estimate && fit["Beta[1]"].Estimate < u90 && u90 < u95);
    }

    [Fact]
    public void LikelihoodRatioTestIsTwiceTheLogLikelihoodDifference()
    {
        var (_, full) = ReferenceModels.OlsCars();
        var (_, nested) = ReferenceModels.OlsCars();
        FitResult fullFit = ModelFitter.Fit(full);
        FitResult restricted = ModelFitter.Fit(nested, new FitOptions { Fixed = new Dictionary<string, double> { ["Beta[0]"] = 0 } });
        Assert.Equal(2, restricted.FreeParameterCount);
        LikelihoodRatio lr = FitResult.LikelihoodRatioTest(restricted, fullFit);
        Assert.Equal(2 * (fullFit.LogLikelihood - restricted.LogLikelihood), lr.Statistic, 12);
        Assert.Equal(1, lr.DegreesOfFreedom);
        Assert.Equal(1 - ChiSquared.CDF(1, lr.Statistic), lr.PValue, 15);

        // Closed form for nested Gaussian linear models: LR = n·ln(RSS₀/RSS₁), RSS = nσ̂².
        double sigma0 = restricted["Sigma"].Estimate, sigma1 = fullFit["Sigma"].Estimate;
        Expect.Relative(2 * 50 * Math.Log(sigma0 / sigma1), lr.Statistic, 1e-9, "LR statistic");
        Assert.Throws<ArgumentException>(() => FitResult.LikelihoodRatioTest(fullFit, restricted));
    }

    [Fact]
    public void FixedParametersAreHeldAndGetNoStandardError()
    {
        var (_, model) = ReferenceModels.OlsCars();
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Fixed = new Dictionary<string, double> { ["Beta[0]"] = 4 } });
        ParameterEstimate held = fit["Beta[0]"];
        Assert.True(held.IsFixed);
        Assert.Equal(4, held.Estimate);
        Assert.Null(held.StandardError);
        Assert.Null(held.PValue);
        Assert.NotNull(fit["Intercept"].StandardError);
        Assert.Equal(0, fit.Covariance[1, 1]);
        Assert.Equal(-2 * fit.LogLikelihood + 4, fit.Aic, 10);
        Assert.Contains("(fixed)", fit.ToString());
        Assert.Equal(4, model.Theta[1]);
        Assert.Throws<InvalidOperationException>(() => fit.ProfileInterval("Beta[0]"));
        Assert.Throws<ArgumentException>(() => ModelFitter.Fit(model, new FitOptions { Fixed = new Dictionary<string, double> { ["Gamma"] = 1 } }));
    }

    [Fact]
    public void SingularInformationGivesNullStandardErrorsAndMle1003()
    {
        var model = new CollinearModel([1.0, 2.0, 3.5, 0.5]);
        FitResult fit = ModelFitter.Fit(model);
        Assert.True(fit.Converged, fit.ConvergenceReason);
        Assert.Equal(1.75, fit["A"].Estimate + fit["B"].Estimate, 8);
        Assert.All(fit.Parameters, p => Assert.Null(p.StandardError));
        Assert.All(fit.Parameters, p => Assert.Null(p.Z));
        Assert.False(fit.HasCovariance);
        Assert.Throws<InvalidOperationException>(() => fit.Covariance);
        FitDiagnostic d = Assert.Single(fit.Diagnostics, x => x.Id == FitDiagnosticIds.SingularInformation);
        Assert.Contains("A, B", d.Message);
        Assert.Equal("https://github.com/mlegen/mlegen/blob/main/docs/diagnostics/MLE1003.md", d.HelpLink);
        Assert.Contains("NA", fit.ToString());
        Assert.DoesNotContain("NaN", fit.ToString());
    }

    [Fact]
    public void AnEstimateDrivenToAZeroBoundIsReported()
    {
        var model = new PositiveMeanModel([-1.5, -0.5, -1.0, 0.2]);
        FitResult fit = ModelFitter.Fit(model);
        Assert.True(fit["Mu"].Estimate is > 0 and < 1e-6, fit["Mu"].Estimate.ToString(CultureInfo.InvariantCulture));
        // A boundary optimum of a bounded likelihood: on its bound (MLE1009), not diverging (MLE1002), and no Wald interval.
        FitDiagnostic d = Assert.Single(fit.Diagnostics, x => x.Id == FitDiagnosticIds.AtBound);
        Assert.Contains("Mu", d.Message);
        Assert.DoesNotContain(fit.Diagnostics, x => x.Id == FitDiagnosticIds.DivergingLikelihood);
        Assert.Null(fit["Mu"].StandardError);
    }

    [Fact]
    public void AProfileThatNeverCrossesEndsAtTheBound()
    {
        // ℓ(μ) for y ~ Normal(μ, 1), μ > 0, ȳ = −0.7, n = 4: 2(ℓ̂ − ℓ(t)) = 4t² + 5.6t, so the upper end solves 4t² + 5.6t = χ²₁(0.95).
        var model = new PositiveMeanModel([-1.5, -0.5, -1.0, 0.2]);
        FitResult fit = ModelFitter.Fit(model);
        var (lower, upper) = fit.ProfileInterval("Mu");
        Assert.Equal(0, lower);
        double q = ChiSquared.InvCDF(1, 0.95);
        Assert.Equal((-5.6 + Math.Sqrt((5.6 * 5.6) + (16 * q))) / 8, upper, 6);
    }

    [Fact]
    public void NonConvergenceIsReportedNotThrown()
    {
        ReferenceCase c = ReferenceCase.Load("nist_misra1a");
        var model = new Misra1aModel(c.Columns["x"], c.Columns["y"], 500, 1e-4, 1);
        FitResult fit = ModelFitter.Fit(model, new FitOptions { MaxIterations = 2 });
        Assert.False(fit.Converged);
        Assert.Equal("iteration limit reached", fit.ConvergenceReason);
        FitDiagnostic d = Assert.Single(fit.Diagnostics, x => x.Id == FitDiagnosticIds.NotConverged);
        Assert.Contains("iteration limit", d.Message);
    }

    [Fact]
    public void CancellationThrowsAndProgressIsReported()
    {
        var (_, model) = ReferenceModels.LogisticMtcars();
        var reports = new List<FitProgress>();
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Progress = new Collect(reports), Threads = 1 });
        Assert.Equal(fit.Iterations, reports.Count);
        Assert.Equal(-fit.LogLikelihood, reports[^1].Value, 10);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var (_, again) = ReferenceModels.LogisticMtcars();
        Assert.ThrowsAny<OperationCanceledException>(() => ModelFitter.Fit(again, new FitOptions { CancellationToken = cts.Token }));
    }

    [Fact]
    public void StartValuesAreOnTheNaturalScaleAndChecked()
    {
        var (c, model) = ReferenceModels.OlsCars();
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Start = [-10, 3, 10] });
        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, 1e-10, "loglik");
        Assert.Throws<ArgumentException>(() => ModelFitter.Fit(model, new FitOptions { Start = [1, 2] }));
    }

    [Fact]
    public void HeldOutEvaluationGivesCrossEntropyAndPerplexity()
    {
        ReferenceCase c = ReferenceCase.Load("ols_cars");
        double[] speed = c.Columns["speed"], dist = c.Columns["dist"];
        int[] train = Enumerable.Range(0, 50).Where(i => i % 5 != 0).ToArray();
        int[] test = Enumerable.Range(0, 50).Where(i => i % 5 == 0).ToArray();
        var trainModel = new LinearRegressionModel(ReferenceModels.Matrix(train.Select(i => speed[i]).ToArray()), train.Select(i => dist[i]).ToArray());
        var testModel = new LinearRegressionModel(ReferenceModels.Matrix(test.Select(i => speed[i]).ToArray()), test.Select(i => dist[i]).ToArray());
        FitResult fit = ModelFitter.Fit(trainModel);
        HeldOutEvaluation held = fit.EvaluateHeldOut(testModel);

        double a = fit["Intercept"].Estimate, b = fit["Beta[0]"].Estimate, s = fit["Sigma"].Estimate;
        double expected = test.Sum(i => MathNet.Numerics.Distributions.Normal.PDFLn(a + (b * speed[i]), s, dist[i]));
        Assert.Equal(expected, held.LogLikelihood, 9);
        Assert.Equal(10, held.ObservationCount);
        Assert.Equal(-expected / 10, held.CrossEntropy, 9);
        Assert.Equal(Math.Exp(held.CrossEntropy), held.Perplexity, 9);
    }

    [Fact]
    public void L1PenaltiesSelectOwlQnAndProduceTheLassoSolution()
    {
        LeastSquares problem = LeastSquares.Synthetic();
        const double lambda = 0.05;
        double[] reference = problem.CoordinateDescent(lambda);
        var model = new LassoModel(problem.X, problem.Y, lambda);
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Method = FitMethod.Newton });
        Assert.Equal(FitMethod.OwlQn, fit.Method);
        Assert.True(fit.Converged, fit.ConvergenceReason);
        Assert.True(fit.KktResidual <= 1e-9, $"KKT residual {fit.KktResidual}");
        Assert.NotNull(fit.LogPosterior);
        Assert.True(fit.LogPosterior < fit.LogLikelihood);
        for (int j = 0; j < reference.Length; j++)
        {
            Assert.Equal(reference[j], fit.Parameters[j].Estimate, 1e-12 * Math.Max(1, Math.Abs(reference[j])));
            if (reference[j] == 0)
            {
                Assert.Equal(0.0, fit.Parameters[j].Estimate);
            }
        }

        Assert.Contains(fit.Parameters, p => p.Estimate == 0);
        Assert.StartsWith("MAP fit,", fit.ToString());
        Assert.Contains("Method: OwlQn (an L1/Laplace penalty", fit.ToString());
    }

    [Fact]
    public void SummaryIsCultureInvariant()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fi-FI");
            var (_, model) = ReferenceModels.OlsCars();
            string text = ModelFitter.Fit(model).ToString();
            Assert.Contains("-17.5791", text);
            Assert.Contains("AIC: 419.157", text);
            Assert.Contains("Std. Error", text);
            Assert.Contains("Pr(>|z|)", text);
            Assert.Contains("converged: yes", text);
            Assert.DoesNotContain("\u2212", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void IndexerNamesTheMissingParameter()
    {
        var (_, model) = ReferenceModels.OlsCars();
        FitResult fit = ModelFitter.Fit(model);
        var e = Assert.Throws<KeyNotFoundException>(() => fit["Beta[7]"]);
        Assert.Contains("Beta[7]", e.Message);
        Assert.Same(fit, fit.WithCovariance(CovarianceKind.Observed));
        double[,] cov = fit.Covariance;
        cov[0, 0] = 0;
        Assert.NotEqual(0, fit.Covariance[0, 0]);
        Assert.Same(fit.Covariance, fit.Covariance);
    }

    private sealed class Collect(List<FitProgress> reports) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => reports.Add(value);
    }
}
