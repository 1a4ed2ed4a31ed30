using System;
using System.Linq;
using System.Text.Json;
using MleGen.Tests.Data;
using MleGen.Tests.Fitting;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Reference;

/// <summary>
/// The GLM part of the report against R (tests/data/reference/glm_deviance, made by its reference.R): deviance,
/// null deviance, degrees of freedom, dispersion and exponentiated coefficients of four families, and the
/// model's description.
/// </summary>
public class GlmReportTests
{
    private static readonly JsonElement Expected = TextTable.Expected("glm_deviance");

    /// <param name="nullTolerance">The null deviance is closed-form (the mean), so 1e-9 — except for the negative binomial, where it is taken at
    /// θ̂ and glm.nb's θ (converged to its own, looser tolerance) differs from ours by about 1e-8 relative.</param>
    private static void CheckDeviance(FitResult fit, string rCase, GlmFamily family, GlmLink link, double nullTolerance = 1e-9)
    {
        JsonElement r = Expected.GetProperty(rCase);
        Assert.True(fit.Converged, fit.ConvergenceReason);
        GlmStatistics glm = Assert.IsType<GlmStatistics>(fit.Glm);
        Assert.Equal(family, glm.Family);
        Assert.Equal(link, glm.Link);
        Approx.Equal(r.GetProperty("deviance").GetDouble(), glm.Deviance, 1e-6);
        Approx.Equal(r.GetProperty("null_deviance").GetDouble(), glm.NullDeviance!.Value, nullTolerance);
        Assert.Equal(r.GetProperty("df_residual").GetInt32(), glm.ResidualDegreesOfFreedom);
        Assert.Equal(r.GetProperty("df_null").GetInt32(), glm.NullDegreesOfFreedom);
        Approx.Equal(r.GetProperty("dispersion").GetDouble(), glm.Dispersion, 1e-6);
    }

    [Fact]
    public void LogisticRegressionHasRsDevianceAndOddsRatios()
    {
        ReferenceCase c = ReferenceCase.Load("logistic_mtcars");
        var model = new LogisticMtcarsModel { Am = ReferenceCheck.Ints(c.Columns["am"]), Wt = c.Columns["wt"], Hp = c.Columns["hp"] };

        FitResult fit = model.Fit();

        CheckDeviance(fit, "logistic_mtcars", GlmFamily.Binomial, GlmLink.Logit);
        JsonElement r = Expected.GetProperty("logistic_mtcars");
        TidyTable odds = fit.Tidy(new ReportOptions { Exponentiate = true });
        Assert.True(odds.Exponentiated);
        foreach (var (ours, theirs) in new[] { ("intercept", "(Intercept)"), ("wt", "wt"), ("hp", "hp") })
        {
            TidyRow row = odds.Rows.Single(x => x.Term == ours);
            Approx.Equal(r.GetProperty("exp_coefficients").GetProperty(theirs).GetDouble(), row.Estimate, 1e-6);
            Approx.Equal(r.GetProperty("exp_ci95_wald_low").GetProperty(theirs).GetDouble(), row.ConfidenceLow!.Value, 1e-5);
            Approx.Equal(r.GetProperty("exp_ci95_wald_high").GetProperty(theirs).GetDouble(), row.ConfidenceHigh!.Value, 1e-5);
            Assert.Equal(fit[ours].StandardError, row.StandardError);
        }

        string summary = fit.Summary();
        Assert.Contains("Am[i] ~ BernoulliLogit(intercept + wt * Wt[i] + hp * Hp[i])", summary, StringComparison.Ordinal);
        Assert.Contains("GLM: family binomial, link logit", summary, StringComparison.Ordinal);
        Assert.Contains("Odds ratios, exp(coefficient)", summary, StringComparison.Ordinal);
        Assert.Contains("Residual deviance: 10.0591  on 29 degrees of freedom", summary, StringComparison.Ordinal);
        Assert.Contains("    Null deviance: 43.2297  on 31 degrees of freedom", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void GaussianDevianceIsTheResidualSumOfSquaresAndNotExponentiated()
    {
        ReferenceCase c = ReferenceCase.Load("ols_cars");
        var model = new OlsCarsModel { Speed = c.Columns["speed"], Dist = c.Columns["dist"] };

        FitResult fit = model.Fit();

        CheckDeviance(fit, "gaussian_cars", GlmFamily.Gaussian, GlmLink.Identity);
        Assert.Contains("(Dispersion parameter for gaussian family estimated as 236.532)", fit.Summary(), StringComparison.Ordinal);
        Assert.DoesNotContain("exp(coefficient)", fit.Summary(), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => fit.Tidy(new ReportOptions { Exponentiate = true }));
    }

    [Fact]
    public void PoissonOnANamedDesignHasRsDevianceAndRateRatios()
    {
        DesignMatrix design = ModelFrameTests.Warpbreaks(false).Design("wool * tension");
        var model = new NamedPoissonModel
        {
            X = design.Matrix,
            Y = TextTable.Load("model_matrix_warpbreaks").Integers("breaks"),
            Columns = [.. design.ColumnNames],
            Beta = new double[design.ColumnCount],
        };

        FitResult fit = model.Fit();

        CheckDeviance(fit, "poisson_warpbreaks", GlmFamily.Poisson, GlmLink.Log);
        JsonElement r = Expected.GetProperty("poisson_warpbreaks");
        TidyTable ratios = fit.Tidy(new ReportOptions { Exponentiate = true });
        foreach (string name in design.ColumnNames)
        {
            Approx.Equal(r.GetProperty("exp_coefficients").GetProperty(name).GetDouble(), ratios.Rows.Single(x => x.Term == name).Estimate, 1e-6);
        }

        Assert.True(fit.Model!.Glm!.HasIntercept);
        Assert.Equal("Y[i] ~ PoissonLog(Dot(Beta, X, i))", fit.Model.Terms[0].ToString());
        Assert.Contains("Rate ratios, exp(coefficient)", fit.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeBinomialDevianceIsGlmNbsAtTheEstimatedTheta()
    {
        ReferenceCase c = ReferenceCase.Load("negbin_quine");
        var model = new NegbinQuineModel
        {
            Days = ReferenceCheck.Ints(c.Columns["days"]),
            IsEthN = c.Columns["EthN"], IsSexM = c.Columns["SexM"], IsAgeF1 = c.Columns["AgeF1"],
            IsAgeF2 = c.Columns["AgeF2"], IsAgeF3 = c.Columns["AgeF3"], IsLrnSL = c.Columns["LrnSL"],
        };

        FitResult fit = model.Fit();

        Approx.Equal(Expected.GetProperty("negbin_quine").GetProperty("theta").GetDouble(), fit["theta"].Estimate, 1e-6);
        CheckDeviance(fit, "negbin_quine", GlmFamily.NegativeBinomial, GlmLink.Log, nullTolerance: 1e-7);
        Assert.Equal("theta", fit.Model!.Glm!.Dispersion);
        // θ is not a coefficient: it has no rate ratio and no degree of freedom of the linear predictor.
        Assert.DoesNotContain(fit.Summary().Split("Rate ratios")[1].Split("Log-likelihood")[0].Split('\n'), line => line.StartsWith("theta", StringComparison.Ordinal));
    }

    [Fact]
    public void ModelsThatAreNotGlmsHaveNoDevianceButADescription()
    {
        ReferenceCase c = ReferenceCase.Load("weibull_groundbeef");
        var model = new WeibullGroundbeefModel { Serving = c.Columns[c.Columns.Keys.First()] };

        FitResult fit = model.Fit();

        Assert.Null(fit.Glm);
        Assert.Null(fit.Model!.Glm);
        Assert.StartsWith("Model: WeibullGroundbeefModel" + Environment.NewLine + "  Serving[i] ~ Weibull(shape, scale)", fit.Summary(), StringComparison.Ordinal);
        Assert.Contains("Iterations: ", fit.Summary(), StringComparison.Ordinal);
    }
}
