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
    /// A model without an expected information (<see cref="IMleModel.HasExpectedInformation"/> false — a hand-written one
    /// here: every generated family has one): Fisher scoring and expected-information standard errors are errors, never
    /// the observed information under another name.
    /// </summary>
    [Fact]
    public void ExpectedInformationIsNeverSilentlyTheObservedOne()
    {
        double[] y = [1.2, 0.4, 2.2, 1.9, 0.7, 1.1, 1.6];
        IMleModel model = new JetDensityModel([new("Mu", double.NegativeInfinity, double.PositiveInfinity, -1), new("Sigma", 0, double.PositiveInfinity, -1)], [0, 1], y,
            (t, v) => -Jet.Log(t[1]) - (0.5 * (((v - t[0]) / t[1]) * ((v - t[0]) / t[1]))));
        Assert.False(model.HasExpectedInformation);
        ArgumentException scoring = Assert.Throws<ArgumentException>(() => ModelFitter.Fit(model, new FitOptions { Method = FitMethod.FisherScoring }));
        Assert.Contains("FitMethod.FisherScoring", scoring.Message);
        ArgumentException covariance = Assert.Throws<ArgumentException>(() => ModelFitter.Fit(model, new FitOptions { Covariance = CovarianceKind.Expected }));
        Assert.Contains("CovarianceKind.Expected", covariance.Message);

        FitResult fit = ModelFitter.Fit(model);
        Assert.Throws<InvalidOperationException>(() => fit.WithCovariance(CovarianceKind.Expected));
        Assert.NotNull(fit.WithCovariance(CovarianceKind.Sandwich).Covariance);
    }

    /// <summary>
    /// A generated mixture has an expected information (by quadrature): Fisher scoring reaches the L-BFGS maximum, and its
    /// expected-information standard errors differ from the observed ones (they are not the observed under another name).
    /// </summary>
    [Fact]
    public void FisherScoringAndExpectedStandardErrorsWorkForAMixture()
    {
        IMleModel reference = MleGen.Tests.EndToEnd.ModelCases.Get("NormalMixture").Simulate(1500, 5);
        FitResult lbfgs = ModelFitter.Fit(reference, new FitOptions { Method = FitMethod.Lbfgs });
        IMleModel model = MleGen.Tests.EndToEnd.ModelCases.Get("NormalMixture").Simulate(1500, 5);
        FitResult scoring = ModelFitter.Fit(model, new FitOptions { Method = FitMethod.FisherScoring, Covariance = CovarianceKind.Expected });
        Assert.True(scoring.Converged, scoring.ToString());
        Assert.Equal(lbfgs.LogLikelihood, scoring.LogLikelihood, 1e-8 * Math.Abs(lbfgs.LogLikelihood));
        FitResult observed = scoring.WithCovariance(CovarianceKind.Observed);
        for (int i = 0; i < scoring.Parameters.Count; i++)
        {
            Assert.Equal(lbfgs.Parameters[i].Estimate, scoring.Parameters[i].Estimate, 1e-5);
            double se = scoring.Parameters[i].StandardError!.Value, seObserved = observed.Parameters[i].StandardError!.Value;
            Assert.True(se > 0 && Math.Abs(se - seObserved) < 0.5 * seObserved, $"{scoring.Parameters[i].Name}: expected {se}, observed {seObserved}");
        }

        Assert.Contains(scoring.Parameters, q => Math.Abs(q.StandardError!.Value - observed[q.Name].StandardError!.Value) > 1e-6 * q.StandardError.Value);
    }
}
