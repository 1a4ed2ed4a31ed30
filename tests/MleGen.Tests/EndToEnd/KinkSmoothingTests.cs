using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.EndToEnd;

/// <summary>
/// The Laplace family's kink smoothing: the generated code evaluates √(z² + ε²) − ε with exact derivatives when an
/// evaluation is passed ε, and the model as written otherwise — ε is an argument of one evaluation, never state of the
/// model, so nothing the fitter does is visible through the model.
/// </summary>
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
        double smoothed = SmoothedOracle(model, theta, smoothing);
        ModelChecker.AssertClose(smoothed, m.NegativeLogLikelihood(theta, Span<double>.Empty, smoothing), 1e-12 * Math.Abs(smoothed), "smoothed NLL");
        double[] gradient = new double[3];
        ModelChecker.AssertClose(smoothed, m.NegativeLogLikelihood(theta, gradient, smoothing), 1e-12 * Math.Abs(smoothed), "smoothed NLL of the gradient pass");
        if (smoothing >= 1e-2)
        {
            // Curvature 1/ε at the kinks: central differences resolve it only for moderate ε.
            var view = new Smoothed(m, smoothing);
            ModelChecker.CheckGradient(view, theta);
            ModelChecker.CheckObservedInformation(view, theta);
        }

        // The smoothed evaluation left nothing behind: the plain members are the model as written.
        double exact = SmoothedOracle(model, theta, 0);
        ModelChecker.AssertClose(exact, m.NegativeLogLikelihood(theta), 1e-12 * Math.Abs(exact), "exact NLL");
        Assert.Equal(m.NegativeLogLikelihood(theta), m.NegativeLogLikelihood(theta, Span<double>.Empty, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.NegativeLogLikelihood(theta, Span<double>.Empty, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.ObservedInformation(theta, new double[9], double.NaN));
        ModelChecker.AssertClose(exact, m.NegativeLogLikelihood(theta), 1e-12 * Math.Abs(exact), "exact NLL after a refused ε");
    }

    [Fact]
    public void SmoothModelsAreTheirOwnSmoothing()
    {
        IMleModel model = ModelCases.Get("BernoulliLogit").Simulate(20, 1);
        Assert.False(model.HasKinks);
        double[] theta = ModelChecker.Current(model);
        double[] g = new double[theta.Length], smoothedG = new double[theta.Length];
        Assert.Equal(model.NegativeLogLikelihood(theta, g), model.NegativeLogLikelihood(theta, smoothedG, 0.5));
        Assert.Equal(g, smoothedG);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.NegativeLogLikelihood(theta, g, double.PositiveInfinity));
    }

    [Fact]
    public void FitLeavesTheExactModelAndReportsItsLikelihood()
    {
        var model = (LaplaceModel)ModelCases.Get("Laplace").Simulate(101, 3);
        IMleModel m = model;
        FitResult fit = ModelFitter.Fit(m, new FitOptions { Covariance = CovarianceKind.Expected });
        Assert.True(fit.Converged, fit.ToString());
        Assert.Contains("smoothing continuation", fit.ConvergenceReason);
        double[] theta = [fit["A"].Estimate, fit["B"].Estimate, fit["Scale"].Estimate];
        double loglik = -SmoothedOracle(model, theta, 0);
        ModelChecker.AssertClose(loglik, fit.LogLikelihood, 1e-12 * Math.Abs(loglik), "loglik is the exact Laplace one");
        ModelChecker.AssertClose(-loglik, m.NegativeLogLikelihood(theta), 1e-12 * Math.Abs(loglik), "the model after the fit is the model as written");

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

    /// <summary>
    /// The continuation's ε is not visible through the model: a progress callback (on the fitting thread, the one
    /// thread the instance serves meanwhile) that evaluates the model mid-fit gets the exact Laplace NLL at every stage.
    /// </summary>
    [Fact]
    public void TheModelSeenDuringTheContinuationIsTheModelAsWritten()
    {
        var model = (LaplaceModel)ModelCases.Get("Laplace").Simulate(101, 3);
        IMleModel m = model;
        double[] probe = [0.1, 0.9, 1.3];
        double exact = SmoothedOracle(model, probe, 0);
        var seen = new List<double>();
        FitResult fit = model.Fit(new FitOptions { Covariance = CovarianceKind.Expected, Progress = new InlineProgress(_ => seen.Add(m.NegativeLogLikelihood(probe))) });
        Assert.True(fit.Converged, fit.ToString());
        Assert.True(seen.Count >= 12, $"{seen.Count} progress reports over 12 continuation stages");
        Assert.All(seen, nll => Assert.Equal(exact, nll, 1e-12 * Math.Abs(exact)));
    }

    /// <summary>
    /// Two threads fit one Laplace instance at once: a fit never sees the other's smoothing or estimates — the instance
    /// serves one fit at a time (<see cref="ExclusiveUse"/>: the other is refused, never wrong) and the refused thread fits
    /// again when it is free — so both end with the sequential fit's numbers, bit for bit.
    /// </summary>
    [Fact]
    public async Task TwoThreadsFittingOneInstanceGetTheSequentialResult()
    {
        static LaplaceModel Create() => (LaplaceModel)ModelCases.Get("Laplace").Simulate(101, 3);
        var options = new FitOptions { Covariance = CovarianceKind.Expected, Start = [0, 0, 1] };
        FitResult sequential = ModelFitter.Fit(Create(), options);
        Assert.True(sequential.Converged, sequential.ToString());

        IMleModel shared = Create();
        int refusals = 0;
        using var start = new Barrier(2);
        FitResult FitWhenFree()
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            while (true)
            {
                try
                {
                    return ModelFitter.Fit(shared, options);
                }
                catch (InvalidOperationException e) when (e.Message.Contains("in use by another thread", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref refusals);
                    Thread.Yield();
                }
            }
        }

        FitResult[] fits = await Task.WhenAll(
            Task.Run(FitWhenFree, TestContext.Current.CancellationToken),
            Task.Run(FitWhenFree, TestContext.Current.CancellationToken));
        foreach (FitResult fit in fits)
        {
            Assert.Equal(sequential.LogLikelihood, fit.LogLikelihood);
            Assert.Equal(sequential.Iterations, fit.Iterations);
            foreach (string name in new[] { "A", "B", "Scale" })
            {
                Assert.Equal(sequential[name].Estimate, fit[name].Estimate);
                Assert.Equal(sequential[name].StandardError, fit[name].StandardError);
            }
        }

        double[] theta = [sequential["A"].Estimate, sequential["B"].Estimate, sequential["Scale"].Estimate];
        Assert.Equal(-sequential.LogLikelihood, shared.NegativeLogLikelihood(theta), 1e-12 * Math.Abs(sequential.LogLikelihood));
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
    }

    private sealed class InlineProgress(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }

    /// <summary>A model's smoothed evaluations as its plain ones, for the finite-difference checks.</summary>
    private sealed class Smoothed(IMleModel inner, double smoothing) : IMleModel
    {
        public int ParameterCount => inner.ParameterCount;

        public int ObservationCount => inner.ObservationCount;

        public int EvaluationThreads { get => inner.EvaluationThreads; set => inner.EvaluationThreads = value; }

        public bool HasExpectedInformation => inner.HasExpectedInformation;

        public bool HasPrior => inner.HasPrior;

        public string GetParameterName(int index) => inner.GetParameterName(index);

        public ParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public void ReadParameters(Span<double> theta) => inner.ReadParameters(theta);

        public void WriteParameters(ReadOnlySpan<double> theta) => inner.WriteParameters(theta);

        public void ValidateData() => inner.ValidateData();

        public double NegativeLogLikelihood(ReadOnlySpan<double> theta) => inner.NegativeLogLikelihood(theta, Span<double>.Empty, smoothing);

        public double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient) => inner.NegativeLogLikelihood(theta, gradient, smoothing);

        public void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information) => inner.ObservedInformation(theta, information, smoothing);

        public void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => inner.ExpectedInformation(theta, information);

        public void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat) => throw new NotSupportedException();

        public double NegativeLogPrior(ReadOnlySpan<double> theta, Span<double> gradient) => inner.NegativeLogPrior(theta, gradient);

        public void NegativeLogPriorHessian(ReadOnlySpan<double> theta, Span<double> hessian) => inner.NegativeLogPriorHessian(theta, hessian);

        public L1Penalty GetL1Penalty(int index) => inner.GetL1Penalty(index);
    }
}
