using MleGen.Benchmarks;
using MleGen.Tests.Fitting.Agreement;
using Xunit;

namespace MleGen.Tests.Fitting;

/// <summary><see cref="FitMethod.Auto"/>: Newton when a Hessian is cheap beside a gradient, L-BFGS otherwise, OWL-QN with L1 terms.</summary>
public class MethodChoiceTests
{
    [Theory]
    [InlineData(10_000_000, 10, FitMethod.Newton)]  // small p, whatever n
    [InlineData(1_000_000, 20, FitMethod.Lbfgs)]    // the benchmark's logistic regression: n·p² = 4e8
    [InlineData(20_000, 20, FitMethod.Newton)]      // n·p² = 8e6: a Hessian is cheap in absolute terms
    [InlineData(1_000, 100, FitMethod.Newton)]      // n·p² = 1e7
    [InlineData(10_000, 100, FitMethod.Lbfgs)]      // n·p² = 1e8
    [InlineData(20_000, 60, FitMethod.Lbfgs)]       // n·p² = 7.2e7
    [InlineData(10, 600, FitMethod.Lbfgs)]          // too many parameters for p×p work, however few observations
    public void TheRuleDependsOnTheProblemsSizeOnly(int observations, int freeCount, FitMethod expected)
    {
        Assert.Equal(expected, MethodChoice.Choose(observations, freeCount, out string reason));
        Assert.StartsWith("automatic: ", reason);
    }

    [Fact]
    public void TheDefaultIsAutomaticAndTheResultSaysWhatItChoseAndWhy()
    {
        Assert.Equal(FitMethod.Auto, new FitOptions().Method);
        Assert.Equal(FitMethod.Auto, default(FitMethod));
        FitResult fit = ModelFitter.Fit(AgreementCases.Create(AgreementCases.Poisson));
        Assert.Equal(FitMethod.Newton, fit.Method);
        Assert.Equal("automatic: 10 free parameters ≤ 10, an exact Hessian costs a few gradients", fit.MethodReason);
        Assert.Contains("Method: Newton (automatic: 10 free parameters", fit.ToString());
    }

    /// <summary>Sixty coefficients on 20,000 rows: a Hessian costs ~15 gradients and n·p² = 7.2e7, so L-BFGS (with its Newton polish).</summary>
    [Fact]
    public void ManyParametersOnManyRowsGetLbfgs()
    {
        (double[,] x, double[] beta) = SyntheticData.Design(20_000, 60, seed: 21);
        var model = new LogisticModel { X = x, Y = SyntheticData.Bernoulli(x, beta, seed: 22), Beta = new double[60] };
        FitResult fit = ModelFitter.Fit(model);
        Assert.Equal(FitMethod.Lbfgs, fit.Method);
        Assert.Contains("a Hessian costs too many gradients", fit.MethodReason);
        Assert.True(fit.Converged, fit.ToString());
    }

    [Fact]
    public void RequestedMethodsAreReportedAsRequested()
    {
        FitResult fit = ModelFitter.Fit(AgreementCases.Create(AgreementCases.Poisson), new FitOptions { Method = FitMethod.Lbfgs });
        Assert.Equal(FitMethod.Lbfgs, fit.Method);
        Assert.Equal("requested", fit.MethodReason);
    }
}
