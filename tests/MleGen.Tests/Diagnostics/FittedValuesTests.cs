using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MleGen.Tests.Fitting;
using Xunit;
using static MleGen.Tests.Diagnostics.FailureData;

namespace MleGen.Tests.Diagnostics;

/// <summary>FitResult.FittedValues and Residuals against R's fitted() and residuals() (tests/data/reference/residuals_glm, reference.R).</summary>
public class FittedValuesTests
{
    private static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.Directory, "residuals_glm", "expected.json"))).RootElement;

    private static double[] Array(string model, string field) => [.. Expected.GetProperty(model).GetProperty(field).EnumerateArray().Select(e => e.GetDouble())];

    private static int[] Ints(double[] values) => [.. values.Select(v => (int)v)];

    private static void Compare(FitResult fit, string model, bool deviance = true)
    {
        AssertClose(Array(model, "fitted"), fit.FittedValues, 1e-7, model + " fitted");
        AssertClose(Array(model, "response"), fit.Residuals(ResidualKind.Response), 1e-6, model + " response");
        AssertClose(Array(model, "pearson"), fit.Residuals(ResidualKind.Pearson), 1e-6, model + " pearson");
        if (deviance)
        {
            AssertClose(Array(model, "deviance"), fit.Residuals(ResidualKind.Deviance), 1e-6, model + " deviance");
        }
    }

    /// <summary>|ours − R| ≤ tolerance·max(1, |R|) elementwise (absolute near 0: a residual of 1e-9 has no relative digits).</summary>
    private static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]) / Math.Max(1, Math.Abs(expected[i]));
            Assert.True(error <= tolerance, $"{what}[{i}]: {actual[i]:R} vs R {expected[i]:R} (error {error:G3})");
        }
    }

    [Fact]
    public void LinearRegressionMatchesRsResidualsOverSigma()
    {
        ReferenceCase c = ReferenceCase.Load("ols_cars");
        var model = new LinearFailureModel { X = Column(c.Columns["speed"]), Y = c.Columns["dist"], Beta = new double[1] };
        Compare(model.Fit(), "ols_cars");
        Assert.Equal(Expected.GetProperty("ols_cars").GetProperty("sigma_mle").GetDouble(), model.Sigma, 1e-7);
    }

    [Fact]
    public void LogisticRegressionMatchesR()
    {
        ReferenceCase c = ReferenceCase.Load("logistic_mtcars");
        var model = new LogisticFailureModel { X = Columns(c.Columns["wt"], c.Columns["hp"]), Y = Ints(c.Columns["am"]), Beta = new double[2] };
        Compare(model.Fit(), "logistic_mtcars");
    }

    [Fact]
    public void PoissonRegressionMatchesR()
    {
        ReferenceCase c = ReferenceCase.Load("poisson_warpbreaks");
        var model = new PoissonFailureModel { X = Columns(c.Columns["woolB"], c.Columns["tensionM"], c.Columns["tensionH"]), Y = Ints(c.Columns["breaks"]), Beta = new double[3] };
        FitResult fit = model.Fit();
        Compare(fit, "poisson_warpbreaks");
        double chi2 = fit.Residuals(ResidualKind.Pearson).Sum(r => r * r);
        Assert.Equal(Expected.GetProperty("poisson_warpbreaks").GetProperty("pearson_chi2").GetDouble(), chi2, 1e-6);
    }

    [Fact]
    public void NegativeBinomialRegressionMatchesGlmNb()
    {
        ReferenceCase c = ReferenceCase.Load("negbin_quine");
        string[] columns = ["EthN", "SexM", "AgeF1", "AgeF2", "AgeF3", "LrnSL"];
        var model = new NegativeBinomialFailureModel { X = Columns([.. columns.Select(n => c.Columns[n])]), Y = Ints(c.Columns["days"]), Beta = new double[6] };
        FitResult fit = model.Fit();
        Assert.Equal(Expected.GetProperty("negbin_quine").GetProperty("theta").GetDouble(), model.Theta, 1e-6);
        Compare(fit, "negbin_quine");
    }

    [Fact]
    public void FamiliesWithoutADevianceSayWhichTerm()
    {
        var random = new Random(5);
        double[] y = [.. Enumerable.Range(0, 60).Select(_ => Normal(random))];
        var model = new MixtureFailureModel { Y = y, Weights = [0.5, 0.5], Means = [-1, 1], Sds = [1, 1] };
        FitResult fit = model.Fit();
        var e = Assert.Throws<NotSupportedException>(() => fit.Residuals(ResidualKind.Deviance));
        Assert.Contains("NormalMixture term Observation of Y", e.Message);

        // The mixture's mean is Σ wₖμₖ at the estimates, its variance Σ wₖ(σₖ² + (μₖ − mean)²).
        double mean = (model.Weights[0] * model.Means[0]) + (model.Weights[1] * model.Means[1]);
        Assert.All(fit.FittedValues, v => Assert.Equal(mean, v, 1e-12));
        double variance = Enumerable.Range(0, 2).Sum(k => model.Weights[k] * ((model.Sds[k] * model.Sds[k]) + Math.Pow(model.Means[k] - mean, 2)));
        Assert.Equal((y[3] - mean) / Math.Sqrt(variance), fit.Residuals(ResidualKind.Pearson)[3], 1e-12);
    }

    [Fact]
    public void HandWrittenModelsHaveNoFittedValues()
    {
        var (_, model) = ReferenceModels.LogisticMtcars();
        FitResult fit = ModelFitter.Fit(model);
        Assert.False(fit.HasFittedValues);
        var e = Assert.Throws<NotSupportedException>(() => fit.FittedValues);
        Assert.Contains("hand-written", e.Message);
    }
}
