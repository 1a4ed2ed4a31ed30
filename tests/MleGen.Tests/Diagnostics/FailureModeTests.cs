using System;
using System.Collections.Generic;
using System.Linq;
using MleGen.Tests.Fitting;
using Xunit;
using static MleGen.Tests.Diagnostics.FailureData;

namespace MleGen.Tests.Diagnostics;

/// <summary>Each run-time failure mode fires on a data set crafted to have it, names what it is about and shows in the summary.</summary>
public class FailureModeTests
{
    private static FitDiagnostic Single(FitResult fit, string id)
    {
        var found = fit.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count == 1, $"expected one {id}, got: {string.Join(" | ", fit.Diagnostics)}");
        Assert.Contains(id + " (Warning)", fit.ToString());
        Assert.Equal("https://github.com/mlegen/mlegen/blob/main/docs/diagnostics/" + id + ".md", found[0].HelpLink);
        return found[0];
    }

    private static void None(FitResult fit, params string[] ids)
    {
        var found = fit.Diagnostics.Where(d => ids.Contains(d.Id)).ToList();
        Assert.True(found.Count == 0, "unexpected: " + string.Join(" | ", found));
    }

    private static (double[] X, int[] Y) Separated(int seed, int n = 200)
    {
        var random = new Random(seed);
        double[] x = Uniform(random, n);
        return (x, [.. x.Select(v => v > 0 ? 1 : 0)]);
    }

    [Theory]
    [InlineData(FitMethod.Auto)]
    [InlineData(FitMethod.Newton)]
    [InlineData(FitMethod.FisherScoring)]
    [InlineData(FitMethod.Lbfgs)]
    public void CompleteSeparationIsReportedWithItsParameter(FitMethod method)
    {
        var (x, y) = Separated(1);
        var model = new LogisticFailureModel { X = Column(x), Y = y, Beta = new double[1] };
        FitResult fit = model.Fit(new FitOptions { Method = method });
        FitDiagnostic d = Single(fit, FitDiagnosticIds.Separation);
        Assert.Contains("Beta[0]", d.Message);
        Assert.Null(fit["Beta[0]"].StandardError);
        Assert.Null(fit["Beta[0]"].Lower);
        None(fit, FitDiagnosticIds.SingularInformation);
    }

    [Fact]
    public void QuasiSeparationNamesOnlyTheDivergingCoefficient()
    {
        // y = x > 0, except 30 observations at x = 0 with both classes: the slope runs off, the rest stays finite.
        var random = new Random(2);
        int n = 230;
        double[] x = Uniform(random, n), z = [.. Enumerable.Range(0, n).Select(_ => Normal(random))];
        int[] y = [.. x.Select(v => v > 0 ? 1 : 0)];
        for (int i = 200; i < n; i++)
        {
            x[i] = 0;
            y[i] = i % 2;
        }

        var model = new LogisticFailureModel { X = Columns(x, z), Y = y, Beta = new double[2] };
        FitResult fit = model.Fit();
        FitDiagnostic d = Single(fit, FitDiagnosticIds.Separation);
        Assert.Contains("Beta[0]", d.Message);
        Assert.DoesNotContain("Beta[1]", d.Message);
        Assert.DoesNotContain("Intercept", d.Message);
        Assert.Null(fit["Beta[0]"].StandardError);
        Assert.NotNull(fit["Beta[1]"].StandardError);
    }

    [Fact]
    public void IdenticalColumnsNameBothCoefficients()
    {
        var random = new Random(3);
        double[] x = Uniform(random, 100);
        double[] y = [.. x.Select(v => 1 + (2 * v) + (0.5 * Normal(random)))];
        var model = new LinearFailureModel { X = Columns(x, x), Y = y, Beta = new double[2] };
        FitResult fit = model.Fit();
        FitDiagnostic d = Single(fit, FitDiagnosticIds.SingularInformation);
        Assert.Contains("Beta[0], Beta[1]", d.Message);
        Assert.DoesNotContain("Intercept", d.Message);
        Assert.DoesNotContain("Sigma", d.Message);
    }

    [Theory]
    [InlineData(1e-8, 1.0)]
    [InlineData(1.0, 1e9)]
    public void SmallOrFarStartedScalesAreNotDiverging(double scale, double sigmaStart)
    {
        // σ̂ ≈ 0.3·scale: 3e-9 for data × 1e-8, or 0.3 after a start at σ = 1e9. Correct estimates, no warning.
        var random = new Random(4);
        double[] x = Uniform(random, 100);
        double[] y = [.. x.Select(v => scale * (1 + v + (0.3 * Normal(random))))];
        var model = new LinearFailureModel { X = Column(x), Y = y, Beta = new double[1], Sigma = sigmaStart };
        FitResult fit = model.Fit();
        Assert.True(fit.Converged, fit.ToString());
        Assert.InRange(model.Sigma / scale, 0.2, 0.4);
        None(fit, FitDiagnosticIds.DivergingLikelihood, FitDiagnosticIds.AtBound, FitDiagnosticIds.SingularInformation);
        Assert.NotNull(fit["Sigma"].StandardError);
    }

    [Fact]
    public void AllSuccessesPutTheProbabilityOnItsBound()
    {
        var model = new BernoulliRateModel { Y = [.. Enumerable.Repeat(1, 20)] };
        FitResult fit = model.Fit();
        FitDiagnostic d = Single(fit, FitDiagnosticIds.AtBound);
        Assert.Contains("P = ", d.Message);
        Assert.Contains("ProfileInterval(\"P\")", d.Message);
        Assert.Null(fit["P"].StandardError);
    }

    [Fact]
    public void AnInvalidStartNamesTheScaleOutsideItsSupport()
    {
        var random = new Random(12);
        var model = new UnboundedScaleModel { Y = [.. Enumerable.Range(0, 50).Select(_ => 3 + Normal(random))], Location = 0, Scale = -1 };
        ArgumentException error = Assert.Throws<ArgumentException>(() => model.Fit());
        Assert.Contains("the start of Scale (-1) is outside the support", error.Message);
        Assert.DoesNotContain("start of Location", error.Message);

        // A valid start fits (the sd's sign is free without a bound; the reported scale is the positive one).
        model.Scale = 2;
        FitResult fit = model.Fit();
        Assert.Equal(model.Y.Average(), fit["Location"].Estimate, 1e-6);
    }

    [Fact]
    public void AMixtureComponentCollapsingOntoAPointIsReported()
    {
        var random = new Random(6);
        double[] y = [.. Enumerable.Range(0, 100).Select(_ => Normal(random))];
        var model = new MixtureFailureModel { Y = y, Weights = [0.9, 0.1], Means = [0, y[7]], Sds = [1, 1e-3] };
        FitResult fit = model.Fit();
        var found = fit.Diagnostics.Where(d => d.Id == FitDiagnosticIds.DivergingLikelihood).ToList();
        Assert.True(found.Count > 0, fit.ToString());
        Assert.Contains(found, d => d.Message.Contains("Sds[1]") || d.Message.Contains("Weights[1]"));
    }

    [Fact]
    public void ANegativeBinomialOnUnderdispersedCountsReportsItsDispersionRunningToInfinity()
    {
        // Binomial(8, 0.4) counts: variance 1.92 below the mean 3.2, so the likelihood rises all the way to the Poisson limit θ → ∞.
        var random = new Random(7);
        double[] x = Uniform(random, 200);
        int[] y = [.. x.Select(_ => Enumerable.Range(0, 8).Sum(_ => Bernoulli(random, 0.4)))];
        var model = new NegativeBinomialFailureModel { X = Column(x), Y = y, Beta = new double[1] };
        FitResult fit = model.Fit();
        FitDiagnostic d = Single(fit, FitDiagnosticIds.AtBound);
        Assert.Contains("Theta", d.Message);
        Assert.Contains("+∞", d.Message);
        Assert.Null(fit["Theta"].StandardError);
    }

    [Fact]
    public void HeavyTailedErrorsUnderANormalLikelihoodAreReported()
    {
        // Student t errors with 2 degrees of freedom: z/√(E), E ~ Exponential(1) (= χ²₂/2).
        var random = new Random(8);
        double[] x = Uniform(random, 200);
        double[] y = [.. x.Select(v => 1 + v + (Normal(random) / Math.Sqrt(-Math.Log(1 - random.NextDouble()))))];
        var model = new LinearFailureModel { X = Column(x), Y = y, Beta = new double[1] };
        FitDiagnostic d = Single(model.Fit(), FitDiagnosticIds.HeavyTails);
        Assert.Contains("StudentT", d.Message);
        Assert.Contains("of Y", d.Message);
    }

    [Fact]
    public void SevereClassImbalanceIsReported()
    {
        var random = new Random(9);
        double[] x = Uniform(random, 600);
        int[] y = [.. x.Select(v => Bernoulli(random, 1 / (1 + Math.Exp(-(-4 + v)))))];
        var model = new LogisticFailureModel { X = Column(x), Y = y, Beta = new double[1] };
        FitDiagnostic d = Single(model.Fit(), FitDiagnosticIds.ClassImbalance);
        Assert.Contains("class 1", d.Message);
        Assert.Contains("Weights", d.Message);
    }

    [Fact]
    public void HeteroscedasticErrorsAreMisspecification()
    {
        // x in {−1, 0, 1} (10 %, 80 %, 10 %) with sd 3 at ±1 and 0.1 at 0: the slope's sandwich SE is about 2.2 times the model's.
        var random = new Random(10);
        int n = 400;
        double[] x = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() switch { < 0.1 => -1.0, > 0.9 => 1.0, _ => 0.0 })];
        double[] y = [.. x.Select(v => 1 + v + ((v == 0 ? 0.1 : 3) * Normal(random)))];
        var model = new LinearFailureModel { X = Column(x), Y = y, Beta = new double[1] };
        FitDiagnostic d = Single(model.Fit(), FitDiagnosticIds.Misspecification);
        Assert.Contains("Beta[0]", d.Message);
        Assert.Contains("CovarianceKind.Sandwich", d.Message);
    }

    [Fact]
    public void ASmallSampleIsReportedWithTheScaleBias()
    {
        var random = new Random(11);
        double[] x = Uniform(random, 12);
        double[] y = [.. x.Select(v => 1 + v + Normal(random))];
        var model = new LinearFailureModel { X = Column(x), Y = y, Beta = new double[1] };
        FitDiagnostic d = Single(model.Fit(), FitDiagnosticIds.SmallSample);
        Assert.Contains("n = 12 observations for k = 3", d.Message);
        Assert.Contains(Math.Sqrt(9.0 / 12).ToString("F3", System.Globalization.CultureInfo.InvariantCulture), d.Message);
    }

    [Fact]
    public void OverdispersedWarpbreaksPointToNegativeBinomialAndSandwich()
    {
        ReferenceCase c = ReferenceCase.Load("poisson_warpbreaks");
        var model = new PoissonFailureModel
        {
            X = Columns(c.Columns["woolB"], c.Columns["tensionM"], c.Columns["tensionH"]),
            Y = [.. c.Columns["breaks"].Select(v => (int)v)],
            Beta = new double[3],
        };
        FitDiagnostic d = Single(model.Fit(), FitDiagnosticIds.Overdispersion);
        Assert.Contains("4.26 times", d.Message); // Pearson χ² 213.08 on 50 df (R)
        Assert.Contains("NegativeBinomial", d.Message);
        Assert.Contains("CovarianceKind.Sandwich", d.Message);
    }
}
