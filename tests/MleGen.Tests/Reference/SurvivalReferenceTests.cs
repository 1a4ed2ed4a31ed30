using System.Linq;
using MleGen.Tests.Fitting;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Reference;

/// <summary>Censored likelihoods fitted on generated models against R's survival::survreg (tests/data/reference/weibull_survreg_lung).</summary>
public class SurvivalReferenceTests
{
    internal static WeibullSurvregLungModel Lung(ReferenceCase c) => new()
    {
        Time = c.Columns["time"],
        Censored = c.Columns["censored"].Select(v => v != 0).ToArray(),
        Age = c.Columns["age"],
        Female = c.Columns["female"],
    };

    [Fact]
    public void WeibullSurvregLung()
    {
        ReferenceCase c = ReferenceCase.Load("weibull_survreg_lung");
        var model = Lung(c);
        FitResult fit = model.Fit(new FitOptions { Covariance = CovarianceKind.Observed });
        var check = new ReferenceCheck(c);
        check.Fit(fit);
        check.Parameters(fit, ReferenceCheck.Same("intercept", "age", "female", "shape"));
        check.Summary(fit);
        check.AssertAll();
    }
}
