using System;
using Xunit;

namespace MleGen.Tests.Fitting.Agreement;

/// <summary>An L-BFGS fit (then a Newton polish) and a Newton fit of the same model reach the same estimates and standard errors.</summary>
public class FitAgreementTests
{
    /// <summary>Estimates agree to this, relative for |θ| ≥ 1 and absolute below.</summary>
    private const double Tolerance = 1e-6;

    public static TheoryData<string> Cases => new([AgreementCases.Logistic, AgreementCases.Poisson, AgreementCases.Mixture]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void LbfgsAgreesWithNewton(string name)
    {
        FitResult lbfgs = ModelFitter.Fit(AgreementCases.Create(name), new FitOptions { Method = FitMethod.Lbfgs });
        FitResult newton = ModelFitter.Fit(AgreementCases.Create(name), new FitOptions { Method = FitMethod.Newton });

        Assert.True(lbfgs.Converged, lbfgs.ConvergenceReason);
        Assert.True(newton.Converged, newton.ConvergenceReason);
        Assert.Equal(FitMethod.Lbfgs, lbfgs.Method);
        Assert.Equal(FitMethod.Newton, newton.Method);
        for (int i = 0; i < newton.Parameters.Count; i++)
        {
            ParameterEstimate a = lbfgs.Parameters[i], b = newton.Parameters[i];
            Assert.True(Math.Abs(a.Estimate - b.Estimate) <= Tolerance * Math.Max(1, Math.Abs(b.Estimate)),
                $"{b.Name}: L-BFGS {a.Estimate:R}, Newton {b.Estimate:R}");
            Assert.NotNull(a.StandardError);
            Assert.NotNull(b.StandardError);
            Assert.True(Math.Abs(a.StandardError.Value - b.StandardError.Value) <= Tolerance * b.StandardError.Value,
                $"{b.Name}: standard error {a.StandardError:R} (L-BFGS) vs {b.StandardError:R} (Newton)");
        }

        Assert.Equal(newton.LogLikelihood, lbfgs.LogLikelihood, Tolerance * Math.Abs(newton.LogLikelihood));
    }
}
