using System;
using MleGen.Tests.DataSets;
using MleGen.Tests.Fitting.TestModels;
using Xunit;

namespace MleGen.Tests.Fitting.Convergence;

/// <summary>
/// A log-likelihood that is not finite at the start values is an error naming the observation, before any
/// iteration; a fit whose objective is not finite at its estimate reports no standard errors.
/// </summary>
public class NonFiniteTests
{
    [Fact]
    public void StartValuesWithANegativeSdAtAnObservationAreNamed()
    {
        var model = new LinearSdModel { X = [0, 0.5, 1, 3, 0.2], Y = [0.1, -0.3, 0.4, 0.2, 0.0], S0 = 1, S1 = -0.5 };
        int reports = 0;
        var e = Assert.Throws<ArgumentException>(() => model.Fit(new FitOptions { Progress = new Count(() => reports++) }));
        Assert.Contains("observation 3 of likelihood term 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("S1 = -0.5", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, reports);

        model.S1 = 0.5;
        Assert.True(model.Fit().Iterations > 0);
    }

    [Fact]
    public void AFitWhoseObjectiveIsNotFiniteAtItsEstimateReportsNoStandardErrors()
    {
        var (_, inner) = ReferenceModels.OlsCars();
        var model = new PoisonedValueModel(inner);
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Progress = new Count(() => model.Poisoned = true) });
        Assert.False(fit.Converged);
        Assert.False(fit.HasCovariance);
        Assert.All(fit.Parameters, p => Assert.Null(p.StandardError));
        Assert.Contains(fit.Diagnostics, d => d.Id == FitDiagnosticIds.NotConverged && d.Message.Contains("not finite", StringComparison.Ordinal));
        Assert.DoesNotContain(fit.Diagnostics, d => d.Id == FitDiagnosticIds.SingularInformation);
        Assert.Contains("not finite", fit.ConvergenceReason, StringComparison.Ordinal);
    }

    private sealed class Count(Action report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report();
    }

    /// <summary>Once poisoned, the NLL-only member returns NaN (the optimizers use NLL + gradient, the final report the NLL).</summary>
    private sealed class PoisonedValueModel(LinearRegressionModel inner) : IMleModel
    {
        public bool Poisoned { get; set; }

        public int ParameterCount => inner.ParameterCount;

        public int ObservationCount => inner.ObservationCount;

        public int EvaluationThreads { get => inner.EvaluationThreads; set => inner.EvaluationThreads = value; }

        public bool HasExpectedInformation => inner.HasExpectedInformation;

        public bool HasPrior => false;

        public string GetParameterName(int index) => inner.GetParameterName(index);

        public ParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public void ReadParameters(Span<double> theta) => inner.ReadParameters(theta);

        public void WriteParameters(ReadOnlySpan<double> theta) => inner.WriteParameters(theta);

        public void ValidateData() => inner.ValidateData();

        public double NegativeLogLikelihood(ReadOnlySpan<double> theta) => Poisoned ? double.NaN : inner.NegativeLogLikelihood(theta);

        public double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient) => inner.NegativeLogLikelihood(theta, gradient);

        public void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information) => inner.ObservedInformation(theta, information);

        public void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => inner.ExpectedInformation(theta, information);

        public void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat) => inner.ScoreOuterProduct(theta, meat);

        public double NegativeLogPrior(ReadOnlySpan<double> theta, Span<double> gradient) => 0;

        public void NegativeLogPriorHessian(ReadOnlySpan<double> theta, Span<double> hessian)
        {
        }

        public L1Penalty GetL1Penalty(int index) => default;
    }
}
