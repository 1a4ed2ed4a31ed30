using System;
using System.Linq;
using MleGen.Tests.Fitting.TestModels;
using Xunit;

namespace MleGen.Tests.Fitting;

public class MoreReferenceFitTests
{
    private static (string, string)[] Names(string[] columns) =>
        [("Intercept", "intercept"), .. columns.Select((c, j) => ($"Beta[{j}]", c))];

    private static PoissonRegressionModel Poisson(ReferenceCase c, string[] columns) =>
        new(ReferenceModels.Matrix(columns.Select(x => c.Columns[x]).ToArray()), c.Columns["breaks"]);

    [Fact]
    public void PoissonWarpbreaksMatchesRIncludingRobustAndProfile()
    {
        ReferenceCase c = ReferenceCase.Load("poisson_warpbreaks");
        string[] columns = ["woolB", "tensionM", "tensionH"];
        FitResult fit = ModelFitter.Fit(Poisson(c, columns));
        Assert.True(fit.Converged, fit.ConvergenceReason);
        FitResult robust = fit.WithCovariance(CovarianceKind.Sandwich);
        foreach (var (ours, theirs) in Names(columns))
        {
            Expect.Relative(c.ParameterNumber(theirs, "estimate"), fit[ours].Estimate, c.Tolerance("estimate"), ours);
            Expect.Relative(c.ParameterNumber(theirs, "se"), fit[ours].StandardError!.Value, c.Tolerance("se"), ours + " se");
            Expect.Relative(c.ParameterNumber(theirs, "se_robust"), robust[ours].StandardError!.Value, c.Tolerance("se_robust"), ours + " se_robust");
            var (lo, hi) = c.ParameterPair(theirs, "ci95_profile");
            var (lower, upper) = fit.ProfileInterval(ours);
            Expect.Relative(lo, lower, c.Tolerance("ci95_profile"), ours + " profile lower");
            Expect.Relative(hi, upper, c.Tolerance("ci95_profile"), ours + " profile upper");
        }

        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"), "loglik");
        Expect.Relative(c.Number("aic"), fit.Aic, c.Tolerance("loglik"), "aic");
        Expect.Relative(c.Number("bic"), fit.Bic, c.Tolerance("loglik"), "bic");
    }

    [Fact]
    public void LikelihoodRatioTestOfTheWarpbreaksInteractionMatchesR()
    {
        ReferenceCase c = ReferenceCase.Load("lrt_warpbreaks_interaction");
        string[] full = ["woolB", "tensionM", "tensionH", "woolB_tensionM", "woolB_tensionH"];
        FitResult fullFit = ModelFitter.Fit(Poisson(c, full));

        // The null model as the full one with the interactions held at 0 …
        FitResult nullFit = ModelFitter.Fit(Poisson(c, full), new FitOptions
        {
            Fixed = new System.Collections.Generic.Dictionary<string, double> { ["Beta[3]"] = 0, ["Beta[4]"] = 0 },
        });

        // … and as its own smaller model: the same test.
        FitResult smaller = ModelFitter.Fit(Poisson(c, full[..3]));

        var lrt = c.Root.GetProperty("lrt");
        foreach (FitResult restricted in new[] { nullFit, smaller })
        {
            LikelihoodRatio lr = FitResult.LikelihoodRatioTest(restricted, fullFit);
            Expect.Relative(lrt.GetProperty("statistic").GetDouble(), lr.Statistic, c.Tolerance("statistic"), "statistic");
            Assert.Equal(lrt.GetProperty("df").GetInt32(), lr.DegreesOfFreedom);
            Expect.Relative(lrt.GetProperty("p_value").GetDouble(), lr.PValue, c.Tolerance("p_value"), "p-value");
            Expect.Relative(lrt.GetProperty("loglik_null").GetDouble(), restricted.LogLikelihood, c.Tolerance("loglik"), "null loglik");
            Expect.Relative(lrt.GetProperty("aic_null").GetDouble(), restricted.Aic, c.Tolerance("loglik"), "null aic");
        }

        foreach (var (ours, theirs) in Names(full))
        {
            Expect.Relative(c.ParameterNumber(theirs, "estimate"), fullFit[ours].Estimate, c.Tolerance("estimate"), ours);
            Expect.Relative(c.ParameterNumber(theirs, "se"), fullFit[ours].StandardError!.Value, c.Tolerance("se"), ours + " se");
        }

        Expect.Relative(c.Number("loglik"), fullFit.LogLikelihood, c.Tolerance("loglik"), "loglik");
    }

    [Theory]
    [InlineData(FitMethod.Lbfgs)]
    [InlineData(FitMethod.Newton)]
    public void LongleyMatchesNistCertifiedValues(FitMethod method)
    {
        ReferenceCase c = ReferenceCase.Load("ols_longley_nist");
        string[] columns = ["x1", "x2", "x3", "x4", "x5", "x6"];
        var model = new LinearRegressionModel(ReferenceModels.Matrix(columns.Select(x => c.Columns[x]).ToArray()), c.Columns["y"]);
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Method = method });
        Assert.True(fit.Converged, fit.ConvergenceReason);
        foreach (var (ours, theirs) in Names(columns).Append(("Sigma", "sigma")))
        {
            Expect.Relative(c.ParameterNumber(theirs, "estimate"), fit[ours].Estimate, c.Tolerance("estimate"), ours);
            Expect.Relative(c.ParameterNumber(theirs, "se"), fit[ours].StandardError!.Value, c.Tolerance("se"), ours + " se");
        }

        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"), "loglik");
    }
}
