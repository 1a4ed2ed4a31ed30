using System;
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

public class HeldSimplexMemberTests
{
    /// <summary>
    /// A class probability held at t (FitOptions.Fixed): the others are the multinomial's on the remaining classes,
    /// scaled to 1 − t — estimates M·nₖ/n′ and covariance M²(diag(q) − qqᵀ)/n′ with q = nₖ/n′, M = 1 − t, n′ = n − n₀.
    /// </summary>
    [Fact]
    public void TheOthersAreTheRestrictedMultinomial()
    {
        int[] counts = [12, 30, 8, 50];
        int[] y = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.SelectMany(counts, (c, k) => System.Linq.Enumerable.Repeat(k, c)));
        var model = new SimplexCategoricalModel { Y = y, P = [0.25, 0.25, 0.25, 0.25] };
        const double held = 0.2;
        FitResult fit = model.Fit(new FitOptions { Fixed = new System.Collections.Generic.Dictionary<string, double> { ["P[0]"] = held } });
        Assert.True(fit.Converged, fit.ToString());
        Assert.Equal(2, fit.FreeParameterCount);
        Assert.Equal(held, fit["P[0]"].Estimate);
        Assert.True(fit["P[0]"].IsFixed);
        double mass = 1 - held, rest = 88;
        double[,] cov = fit.Covariance!;
        for (int i = 1; i < 4; i++)
        {
            double qi = counts[i] / rest;
            Assert.Equal(mass * qi, fit.Parameters[i].Estimate, 1e-9);
            for (int j = 1; j < 4; j++)
            {
                double qj = counts[j] / rest;
                Assert.Equal(mass * mass * (((i == j ? qi : 0) - (qi * qj)) / rest), cov[i, j], 1e-10);
            }

            Assert.Equal(0, cov[0, i]);
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
    [InlineData(FitMethod.Auto)]
    public void EveryMethodReachesTheLbfgsMaximum(FitMethod method)
    {
        IMleModel reference = MleGen.Tests.EndToEnd.ModelCases.Get("NormalMixture").Simulate(3000, 11);
        FitResult lbfgs = ModelFitter.Fit(reference, new FitOptions { Method = FitMethod.Lbfgs });
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

    /// <summary>
    /// NormalMixture has no closed-form expected information (HasExpectedInformation false): Fisher scoring and
    /// expected-information standard errors are errors, never the observed information under another name.
    /// </summary>
    [Fact]
    public void ExpectedInformationIsNeverSilentlyTheObservedOne()
    {
        IMleModel model = MleGen.Tests.EndToEnd.ModelCases.Get("NormalMixture").Simulate(500, 3);
        Assert.False(model.HasExpectedInformation);
        ArgumentException scoring = Assert.Throws<ArgumentException>(() => ModelFitter.Fit(model, new FitOptions { Method = FitMethod.FisherScoring }));
        Assert.Contains("FitMethod.FisherScoring", scoring.Message);
        ArgumentException covariance = Assert.Throws<ArgumentException>(() => ModelFitter.Fit(model, new FitOptions { Covariance = CovarianceKind.Expected }));
        Assert.Contains("CovarianceKind.Expected", covariance.Message);

        FitResult fit = ModelFitter.Fit(model);
        Assert.Throws<InvalidOperationException>(() => fit.WithCovariance(CovarianceKind.Expected));
        Assert.NotNull(fit.WithCovariance(CovarianceKind.Sandwich).Covariance);
    }
}
