using System.Linq;
using MleGen.Tests.Censoring;
using MleGen.Tests.Fitting;
using Xunit;

namespace MleGen.Tests.Reference;

/// <summary>
/// A left-censored Student t regression with ν estimated, fitted on the generated model against R (optim on
/// −Σ[log dt | pt(log.p = TRUE)], numDeriv Hessian; tests/data/reference/studentt_detection_limit).
/// </summary>
public class StudentTDetectionLimitReferenceTests
{
    [Fact]
    public void DetectionLimitTRegressionMatchesR()
    {
        ReferenceCase c = ReferenceCase.Load("studentt_detection_limit");
        var model = new StudentTDetectionLimitModel
        {
            Dose = c.Columns["dose"],
            Level = c.Columns["level"],
            Below = c.Columns["below"].Select(v => v != 0).ToArray(),
        };
        Assert.Equal(53, model.Below.Count(b => b));
        FitResult fit = model.Fit(new FitOptions { Covariance = CovarianceKind.Observed });
        var check = new ReferenceCheck(c);
        check.Fit(fit);
        check.Parameters(fit, [("Nu", "nu"), ("A", "a"), ("B", "b"), ("Scale", "scale")]);
        check.Summary(fit);
        check.AssertAll();
    }
}
