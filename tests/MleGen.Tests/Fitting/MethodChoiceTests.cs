using MleGen.Benchmarks;
using MleGen.Tests.Fitting.Agreement;
using Xunit;

namespace MleGen.Tests.Fitting;

/// <summary><see cref="FitMethod.Auto"/>: Newton when a Hessian is cheap beside a gradient, L-BFGS otherwise, OWL-QN with L1 terms.</summary>
public class MethodChoiceTests
{
    [Theory]
    [InlineData(10_000_000, 3, FitMethod.Newton)]   // a Hessian costs about a gradient, whatever n
    [InlineData(250, 9, FitMethod.Newton)]          // NIST-sized: n·p² = 2e4
    [InlineData(5_000, 8, FitMethod.Newton)]        // the 3-component mixture of 5,000 (8 free parameters): n·p² = 3.2e5
    [InlineData(20_000, 10, FitMethod.Lbfgs)]       // n·p² = 2e6
    [InlineData(100_000, 9, FitMethod.Lbfgs)]       // the benchmark's mixture: Newton was 9× slower
    [InlineData(1_000_000, 20, FitMethod.Lbfgs)]    // the benchmark's logistic regression: Newton was 1.8× slower
    [InlineData(1_000, 600, FitMethod.Lbfgs)]       // too many parameters for p×p work
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
        FitResult small = ModelFitter.Fit(AgreementCases.Create(AgreementCases.Mixture));
        Assert.Equal(FitMethod.Newton, small.Method);
        Assert.Equal("automatic: n·p² = 3.2E+05 ≤ 1E+06, an exact Hessian is cheap", small.MethodReason);
        Assert.Contains("Method: Newton (automatic: n·p² = 3.2E+05", small.ToString());
        FitResult large = ModelFitter.Fit(AgreementCases.Create(AgreementCases.Poisson));
        Assert.Equal(FitMethod.Lbfgs, large.Method);
        Assert.Equal("automatic: n·p² = 2E+06 > 1E+06, a Hessian costs several gradients", large.MethodReason);
    }

    /// <summary>Sixty coefficients on 20,000 rows: a Hessian costs ~15 gradients and n·p² = 7.2e7, so L-BFGS (with its Newton polish).</summary>
    [Fact]
    public void ManyParametersOnManyRowsGetLbfgs()
    {
        (double[,] x, double[] beta) = SyntheticData.Design(20_000, 60, seed: 21);
        var model = new LogisticModel { X = x, Y = SyntheticData.Bernoulli(x, beta, seed: 22), Beta = new double[60] };
        FitResult fit = ModelFitter.Fit(model);
        Assert.Equal(FitMethod.Lbfgs, fit.Method);
        Assert.Contains("a Hessian costs several gradients", fit.MethodReason);
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
