using System;
using System.Linq;
using MleGen.Tests.Fitting.TestModels;
using Xunit;

namespace MleGen.Tests.Fitting;

public class ReferenceFitTests
{
    [Theory]
    [InlineData(FitMethod.Lbfgs)]
    [InlineData(FitMethod.Newton)]
    [InlineData(FitMethod.FisherScoring)]
    public void OlsCarsMatchesR(FitMethod method)
    {
        var (c, model) = ReferenceModels.OlsCars();
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Method = method });
        Assert.True(fit.Converged, fit.ConvergenceReason);
        AssertMatches(c, fit, ReferenceModels.OlsNames, "se");
        Assert.Equal(fit.Parameters[2].Estimate, model.Theta[2]);
    }

    [Fact]
    public void OlsCarsRobustAndProfileMatchR()
    {
        var (c, model) = ReferenceModels.OlsCars();
        FitResult fit = ModelFitter.Fit(model);
        AssertRobust(c, fit, ReferenceModels.OlsNames);
        AssertProfiles(c, fit, ReferenceModels.OlsNames);
    }

    [Theory]
    [InlineData(FitMethod.Lbfgs)]
    [InlineData(FitMethod.Newton)]
    [InlineData(FitMethod.FisherScoring)]
    public void LogisticMtcarsMatchesR(FitMethod method)
    {
        var (c, model) = ReferenceModels.LogisticMtcars();
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Method = method });
        Assert.True(fit.Converged, fit.ConvergenceReason);
        AssertMatches(c, fit, ReferenceModels.LogisticNames, "se");
    }

    [Fact]
    public void LogisticMtcarsRobustAndProfileMatchR()
    {
        var (c, model) = ReferenceModels.LogisticMtcars();
        FitResult fit = ModelFitter.Fit(model);
        AssertRobust(c, fit, ReferenceModels.LogisticNames);
        AssertProfiles(c, fit, ReferenceModels.LogisticNames);
    }

    [Theory]
    [InlineData("start1")]
    [InlineData("start2")]
    public void Misra1aMatchesNistFromBothStarts(string start)
    {
        ReferenceCase c = ReferenceCase.Load("nist_misra1a");
        var model = new Misra1aModel(c.Columns["x"], c.Columns["y"], c.ParameterNumber("b1", start), c.ParameterNumber("b2", start), 1);
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Covariance = CovarianceKind.Expected });
        Assert.True(fit.Converged, fit.ConvergenceReason);
        (string, string)[] names = [("b1", "b1"), ("b2", "b2"), ("sigma", "sigma")];
        AssertMatches(c, fit, names, "se_expected");

        FitResult observed = fit.WithCovariance(CovarianceKind.Observed);
        foreach (var (ours, theirs) in names)
        {
            Expect.Relative(c.ParameterNumber(theirs, "se_observed"), observed[ours].StandardError!.Value, c.Tolerance("se"), $"{ours} se_observed");
        }
    }

    [Theory]
    [InlineData(FitMethod.Lbfgs)]
    [InlineData(FitMethod.Newton)]
    public void RidgeMapLogisticPimaMatchesR(FitMethod method)
    {
        ReferenceCase c = ReferenceCase.Load("ridge_map_logistic_pima");
        string[] slopes = ["npreg", "glu", "bp", "skin", "bmi", "ped", "age"];
        var model = new LogisticRegressionModel(ReferenceModels.Matrix(slopes.Select(s => c.Columns[s]).ToArray()), c.Columns["diabetes"], slopePriorSd: 0.5);
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Method = method });
        Assert.True(fit.Converged, fit.ConvergenceReason);
        var names = new (string, string)[slopes.Length + 1];
        names[0] = ("Intercept", "intercept");
        for (int j = 0; j < slopes.Length; j++)
        {
            names[j + 1] = ($"Beta[{j}]", slopes[j]);
        }

        foreach (var (ours, theirs) in names)
        {
            ParameterEstimate p = fit[ours];
            Expect.Relative(c.ParameterNumber(theirs, "estimate"), p.Estimate, c.Tolerance("estimate"), $"{ours} estimate");
            Expect.Relative(c.ParameterNumber(theirs, "se"), p.StandardError!.Value, c.Tolerance("se"), $"{ours} se");
            var (lo, hi) = c.ParameterPair(theirs, "ci95_wald");
            Expect.Relative(lo, p.Lower!.Value, c.Tolerance("se"), $"{ours} Wald lower");
            Expect.Relative(hi, p.Upper!.Value, c.Tolerance("se"), $"{ours} Wald upper");
        }

        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"), "loglik");
        Expect.Relative(c.Number("log_posterior"), fit.LogPosterior!.Value, c.Tolerance("log_posterior"), "log_posterior");
    }

    private static void AssertMatches(ReferenceCase c, FitResult fit, (string Ours, string Theirs)[] names, string seField)
    {
        double tEstimate = c.Tolerance("estimate"), tSe = c.Tolerance("se");
        foreach (var (ours, theirs) in names)
        {
            ParameterEstimate p = fit[ours];
            Expect.Relative(c.ParameterNumber(theirs, "estimate"), p.Estimate, tEstimate, $"{ours} estimate");
            Expect.Relative(c.ParameterNumber(theirs, seField), p.StandardError!.Value, tSe, $"{ours} se");
            var (lo, hi) = c.ParameterPair(theirs, "ci95_wald");
            double tWald = c.Tolerance("ci95_wald", "se");
            Expect.Relative(lo, p.Lower!.Value, tWald, $"{ours} Wald lower");
            Expect.Relative(hi, p.Upper!.Value, tWald, $"{ours} Wald upper");
        }

        double tLoglik = c.Tolerance("loglik");
        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, tLoglik, "loglik");
        Expect.Relative(c.Number("aic"), fit.Aic, c.Tolerance("aic", "loglik"), "aic");
        Expect.Relative(c.Number("bic"), fit.Bic, c.Tolerance("bic", "loglik"), "bic");
        Assert.Equal((int)c.Number("n"), fit.ObservationCount);
        Assert.Equal((int)c.Number("k"), fit.FreeParameterCount);
        Assert.Null(fit.LogPosterior);

        // Only the small-sample note may speak (NIST Misra1a: n = 14 for k = 3, rightly MLE1008): these fits are well specified.
        Assert.DoesNotContain(fit.Diagnostics, d => d.Id != FitDiagnosticIds.SmallSample);
    }

    private static void AssertRobust(ReferenceCase c, FitResult fit, (string Ours, string Theirs)[] names)
    {
        FitResult robust = fit.WithCovariance(CovarianceKind.Sandwich);
        Assert.Equal(CovarianceKind.Sandwich, robust.CovarianceKind);
        foreach (var (ours, theirs) in names)
        {
            Expect.Relative(c.ParameterNumber(theirs, "se_robust"), robust[ours].StandardError!.Value, c.Tolerance("se_robust", "se"), $"{ours} se_robust");
            Assert.Equal(fit[ours].Estimate, robust[ours].Estimate);
        }
    }

    private static void AssertProfiles(ReferenceCase c, FitResult fit, (string Ours, string Theirs)[] names)
    {
        double tolerance = c.Tolerance("ci95_profile");
        foreach (var (ours, theirs) in names)
        {
            var (lo, hi) = c.ParameterPair(theirs, "ci95_profile");
            var (lower, upper) = fit.ProfileInterval(ours);
            Expect.Relative(lo, lower, tolerance, $"{ours} profile lower");
            Expect.Relative(hi, upper, tolerance, $"{ours} profile upper");
        }
    }
}
