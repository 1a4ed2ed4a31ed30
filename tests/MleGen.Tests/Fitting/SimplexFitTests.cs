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
        double[,] cov = fit.Covariance!;
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
