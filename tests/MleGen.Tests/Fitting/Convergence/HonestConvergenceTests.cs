using System;
using System.Linq;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Fitting.Convergence;

/// <summary>
/// A fit says "converged" only at a maximum: never at the start values unless they are one (certified by the
/// Newton decrement, and said so), never with a large gradient (a likelihood without a maximum — σ → 0 with
/// more coefficients than observations, a Gamma shape → ∞ on equal data — is reported as not converged).
/// </summary>
public class HonestConvergenceTests
{
    public static TheoryData<FitMethod> Methods => new([FitMethod.Lbfgs, FitMethod.Newton, FitMethod.FisherScoring]);

    [Theory]
    [MemberData(nameof(Methods))]
    public void MoreCoefficientsThanObservationsIsNotConverged(FitMethod method)
    {
        // 3 observations, 5 coefficients: an exact fit exists, so σ → 0 and the likelihood has no maximum.
        var model = new Fitting.TestModels.LinearRegressionModel(new double[,] { { 1, 2, 0, 1 }, { 2, 1, 1, 0 }, { 0, 1, 3, 2 } }, [1, 2, 4]);
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Method = method });
        Assert.False(fit.Converged, $"{method}: {fit.ConvergenceReason}, |g| = {fit.GradientNorm:G3}");
        Assert.Contains(fit.Diagnostics, d => d.Id == FitDiagnosticIds.NotConverged);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void AGammaShapeRunningToInfinityIsNotConverged(FitMethod method)
    {
        // Equal observations: the variance μ²/ν → 0, ν → ∞; there is no maximum.
        var model = new GammaGlmTreesModel { Volume = Enumerable.Repeat(2.0, 12).ToArray(), Girth = Enumerable.Range(0, 12).Select(i => (double)(i % 3)).ToArray(), Height = Enumerable.Range(0, 12).Select(i => (double)(i % 4)).ToArray() };
        FitResult fit = model.Fit(new FitOptions { Method = method });
        // (Where the shape's digits run out, ν ≈ 1e52, the computed gradient can vanish: a parameter running off
        // to infinity is the run-time diagnostics' business; here: never "converged" with a large gradient.)
        Assert.False(fit.Converged && fit.GradientNorm > 1e-4 * Math.Max(1, Math.Abs(fit.LogLikelihood)), $"{method}: converged with |g| = {fit.GradientNorm:G3}: {fit.ConvergenceReason}");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ARefitStartsFromTheEstimatesAndSaysItNeededNoIterations(FitMethod method)
    {
        var r = ReferenceCase.Load("gamma_glm_trees");
        var model = new GammaGlmTreesModel { Volume = r.Columns["volume"], Girth = r.Columns["girth"], Height = r.Columns["height"] };
        FitResult first = model.Fit(new FitOptions { Method = method });
        Assert.True(first.Iterations > 0);
        Assert.Equal(first["girth"].Estimate, model.girth);

        FitResult second = model.Fit(new FitOptions { Method = method });
        Assert.True(second.Converged, second.ConvergenceReason);
        Assert.Equal(first["girth"].Estimate, second["girth"].Estimate, 9);
        Assert.Equal(first.StartValues.Count, second.StartValues.Count);
        Assert.Equal(first["girth"].Estimate, second.StartValues[1]);
        Assert.Equal(0.0, first.StartValues[1]);
        if (second.Iterations == 0)
        {
            Assert.Contains("start values", second.ConvergenceReason, StringComparison.Ordinal);
            Assert.Contains("Iterations: 0   converged: yes (the start values already pass", second.ToString(), StringComparison.Ordinal);
        }

        // The original start, explicitly: the same path as the first fit.
        FitResult again = model.Fit(new FitOptions { Method = method, Start = [.. first.StartValues] });
        Assert.Equal(first.Iterations, again.Iterations);
        Assert.Equal(first.LogLikelihood, again.LogLikelihood, 12);
    }

    [Fact]
    public void NewtonOnAScaledResponseDoesNotStopAtTheStart()
    {
        var r = ReferenceCase.Load("ols_cars");
        var model = new OlsCarsModel { Speed = r.Columns["speed"], Dist = r.Columns["dist"].Select(d => d * 1e8).ToArray() };
        FitResult fit = model.Fit(new FitOptions { Method = FitMethod.Newton });
        Assert.NotEqual(0, fit["intercept"].Estimate);
        Assert.Equal(r.ParameterNumber("speed", "estimate") * 1e8, fit["speed"].Estimate, 1e-6 * 1e8 * 4);
    }
}
