using MleGen.Tests.Fitting.TestModels;
using Xunit;

namespace MleGen.Tests.Fitting;

public class SimplexFitTests
{
    [Theory]
    [InlineData(FitMethod.Lbfgs, CovarianceKind.Observed)]
    [InlineData(FitMethod.Newton, CovarianceKind.Expected)]
    [InlineData(FitMethod.FisherScoring, CovarianceKind.Sandwich)]
    public void CategoricalProbabilitiesAreTheFrequenciesWithMultinomialCovariance(FitMethod method, CovarianceKind kind)
    {
        int[] counts = [12, 30, 8, 50];
        const int n = 100;
        var model = new CategoricalModel(counts);
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Method = method, Covariance = kind });
        Assert.True(fit.Converged, fit.ConvergenceReason);
        Assert.Equal(3, fit.FreeParameterCount);
        double[,] cov = fit.Covariance;
        for (int i = 0; i < counts.Length; i++)
        {
            double pi = counts[i] / (double)n;
            Assert.Equal(pi, fit.Parameters[i].Estimate, 7);
            for (int j = 0; j < counts.Length; j++)
            {
                double pj = counts[j] / (double)n;
                double expected = ((i == j ? pi : 0) - (pi * pj)) / n;
                Assert.Equal(expected, cov[i, j], 8);
            }
        }
    }
}

public class MixtureFitTests
{
    /// <summary>
    /// A generated 3-component normal mixture (simplex weights, unbounded means, bounded sds) is fitted by
    /// every method to the same maximum: the block warm start of the Newton methods leaves the simplex free.
    /// </summary>
    [Theory]
    [InlineData(FitMethod.Newton)]
    [InlineData(FitMethod.FisherScoring)]
    public void EveryMethodReachesTheLbfgsMaximum(FitMethod method)
    {
        IMleModel reference = MleGen.Tests.EndToEnd.ModelCases.Get("NormalMixture").Simulate(3000, 11);
        FitResult lbfgs = ModelFitter.Fit(reference);
        Assert.True(lbfgs.Converged, lbfgs.ToString());

        IMleModel model = MleGen.Tests.EndToEnd.ModelCases.Get("NormalMixture").Simulate(3000, 11);
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Method = method });
        Assert.True(fit.Converged, fit.ToString());
        Assert.Equal(lbfgs.LogLikelihood, fit.LogLikelihood, 1e-8 * System.Math.Abs(lbfgs.LogLikelihood));
        for (int i = 0; i < fit.Parameters.Count; i++)
        {
            Assert.Equal(lbfgs.Parameters[i].Estimate, fit.Parameters[i].Estimate, 1e-5);
        }
    }
}
