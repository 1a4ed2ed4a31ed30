using System;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.EndToEnd;

/// <summary>The Laplace family's kink smoothing: the generated code evaluates √(z² + ε²) − ε with exact derivatives.</summary>
public class KinkSmoothingTests
{
    private static double SmoothedOracle(LaplaceModel model, double[] theta, double smoothing)
    {
        double a = theta[0], b = theta[1], scale = theta[2], nll = 0;
        for (int i = 0; i < model.Y.Length; i++)
        {
            double z = (model.Y[i] - (a + (b * model.x[i]))) / scale;
            nll += Math.Log(2 * scale) + Math.Sqrt((z * z) + (smoothing * smoothing)) - smoothing;
        }

        return nll;
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-2)]
    [InlineData(1e-6)]
    public void SmoothedLaplaceMatchesItsFormulaWithExactDerivatives(double smoothing)
    {
        var model = (LaplaceModel)ModelCases.Get("Laplace").Simulate(200, 5);
        IMleModel m = model;
        Assert.True(m.HasKinks);
        double[] theta = [0.25, 1.1, 0.8];
        m.KinkSmoothing = smoothing;
        double smoothed = SmoothedOracle(model, theta, smoothing);
        ModelChecker.AssertClose(smoothed, m.NegativeLogLikelihood(theta), 1e-12 * Math.Abs(smoothed), "smoothed NLL");
        if (smoothing >= 1e-2)
        {
            // Curvature 1/ε at the kinks: central differences resolve it only for moderate ε.
            ModelChecker.CheckGradient(m, theta);
            ModelChecker.CheckObservedInformation(m, theta);
        }

        m.KinkSmoothing = 0;
        double exact = SmoothedOracle(model, theta, 0);
        ModelChecker.AssertClose(exact, m.NegativeLogLikelihood(theta), 1e-12 * Math.Abs(exact), "exact NLL");
        Assert.Throws<ArgumentOutOfRangeException>(() => m.KinkSmoothing = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.KinkSmoothing = double.NaN);
    }

    [Fact]
    public void SmoothModelsHaveNoKinks()
    {
        IMleModel model = ModelCases.Get("BernoulliLogit").Simulate(20, 1);
        Assert.False(model.HasKinks);
        model.KinkSmoothing = 0;
        Assert.Equal(0, model.KinkSmoothing);
        Assert.Throws<NotSupportedException>(() => model.KinkSmoothing = 0.5);
    }

    [Fact]
    public void FitRestoresTheExactModelAndReportsItsLikelihood()
    {
        var model = (LaplaceModel)ModelCases.Get("Laplace").Simulate(101, 3);
        IMleModel m = model;
        FitResult fit = ModelFitter.Fit(m, new FitOptions { Covariance = CovarianceKind.Expected });
        Assert.True(fit.Converged, fit.ToString());
        Assert.Contains("smoothing continuation", fit.ConvergenceReason);
        Assert.Equal(0, m.KinkSmoothing);
        double[] theta = [fit["A"].Estimate, fit["B"].Estimate, fit["Scale"].Estimate];
        double loglik = -SmoothedOracle(model, theta, 0);
        ModelChecker.AssertClose(loglik, fit.LogLikelihood, 1e-12 * Math.Abs(loglik), "loglik is the exact Laplace one");

        // At the LAD optimum the scale is the mean absolute residual, and p = 2 residuals are 0 (a vertex).
        int zeros = 0;
        double sumAbs = 0;
        for (int i = 0; i < model.Y.Length; i++)
        {
            double r = model.Y[i] - (theta[0] + (theta[1] * model.x[i]));
            sumAbs += Math.Abs(r);
            zeros += Math.Abs(r) < 1e-9 ? 1 : 0;
        }

        ModelChecker.AssertClose(sumAbs / model.Y.Length, theta[2], 1e-9, "scale = mean |r|");
        Assert.Equal(2, zeros);
    }

    [Fact]
    public void ObservedInformationOfAKinkedFitPointsToTheExpectedOne()
    {
        IMleModel model = ModelCases.Get("Laplace").Simulate(101, 3);
        FitResult fit = ModelFitter.Fit(model);
        Assert.Null(fit["A"].StandardError);
        FitDiagnostic singular = Assert.Single(fit.Diagnostics, d => d.Id == FitDiagnosticIds.SingularInformation);
        Assert.Contains("CovarianceKind.Expected", singular.Message);
        Assert.NotNull(ModelFitter.Fit(model, new FitOptions { Covariance = CovarianceKind.Expected })["A"].StandardError);
    }

    [Fact]
    public void TheContinuationSharesTheIterationBudget()
    {
        IMleModel model = ModelCases.Get("Laplace").Simulate(101, 3);
        FitResult fit = ModelFitter.Fit(model, new FitOptions { MaxIterations = 5, Covariance = CovarianceKind.Expected });
        Assert.False(fit.Converged, fit.ToString());
        Assert.Contains(fit.Diagnostics, d => d.Id == FitDiagnosticIds.NotConverged);
        Assert.True(fit.Iterations <= 5 + 12, $"{fit.Iterations} iterations for a budget of 5 over 12 stages (at least one each)");
        Assert.Equal(0, model.KinkSmoothing);
    }
}
