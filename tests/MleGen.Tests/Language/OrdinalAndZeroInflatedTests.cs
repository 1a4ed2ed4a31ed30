using System;
using System.Linq;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.Language;

/// <summary>
/// OrderedLogistic, ZeroInflatedPoisson and ZeroInflatedNegativeBinomial compiled by the real generator: the NLL equals
/// the runtime structs' LogDensity, the gradient and Hessian equal differences, ZIP's closed-form expected information
/// matches the score outer product of a large simulated sample, and bad data are errors naming the member.
/// </summary>
public class OrdinalAndZeroInflatedTests
{
    internal static OrderedLogisticModel Ordered(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new int[n];
        var w = new double[n];
        var truth = new OrderedLogisticModel { x = x, Y = y, W = w, B = 0.8, Cuts = [-1, 0.2, 1.5] };
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble() * 4 - 2;
            w[i] = 0.5 + rng.NextDouble();
            y[i] = (int)Sampler.Draw(truth.Observation(i), rng);
        }

        return truth;
    }

    internal static ZeroInflatedPoissonModel Zip(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new int[n];
        var truth = new ZeroInflatedPoissonModel { x = x, Y = y, A = 0.7, B = 0.4, G = -0.5 };
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble() * 2 - 1;
            y[i] = (int)Sampler.Draw(truth.Observation(i), rng);
        }

        return truth;
    }

    internal static ZeroInflatedNegativeBinomialModel Zinb(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new int[n];
        var truth = new ZeroInflatedNegativeBinomialModel { x = x, Y = y, A = 1.1, B = -0.6, Pi = 0.25, Phi = 1.7 };
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble() * 2 - 1;
            y[i] = (int)Sampler.Draw(truth.Observation(i), rng);
        }

        return truth;
    }

    public static TheoryData<string> Families => new("OrderedLogistic", "ZeroInflatedPoisson", "ZeroInflatedNegativeBinomial");

    private static IOracleModel Create(string family, int n, int seed) => family switch
    {
        "OrderedLogistic" => Ordered(n, seed),
        "ZeroInflatedPoisson" => Zip(n, seed),
        _ => Zinb(n, seed),
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void NllGradientAndHessianMatchTheOracleAndDifferences(string family)
    {
        var model = Create(family, 80, 1);
        var rng = new Random(2);
        var center = ModelChecker.Current(model);
        foreach (var theta in new[] { center, ModelChecker.RandomPoint(model, center, rng), ModelChecker.RandomPoint(model, center, rng) })
        {
            if (model is OrderedLogisticModel)
            {
                Array.Sort(theta, 1, 3);
            }

            ModelChecker.CheckOracle(model, theta);
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }

    [Fact]
    public void EveryClassOfTheOrderedModelIsCovered()
    {
        var model = Ordered(80, 1);
        Assert.Equal([0, 1, 2, 3], model.Y.Distinct().OrderBy(k => k).ToArray());
    }

    [Fact]
    public void ZeroInflatedPoissonExpectedInformationMatchesTheScoresOfALargeSample()
    {
        var model = Zip(20000, 3);
        Assert.True(((IMleModel)model).HasExpectedInformation);
        ModelChecker.CheckExpectedMonteCarlo(model, [0.7, 0.4, -0.5], 0.05);
    }

    [Fact]
    public void OrderedLogisticExpectedInformationIsTheClassAverageOfTheObservedOne()
    {
        // F = Σᵢ Σₖ pᵢₖ Oᵢₖ exactly, with Oᵢₖ the generated observed information of row i observed as class k (E[−∂²log p] = F),
        // at the truth and at a point away from it (unsorted draws sorted into increasing cuts); weights multiply both.
        var model = Ordered(25, 11);
        var rng = new Random(12);
        var center = ModelChecker.Current(model);
        foreach (var theta in new[] { center, ModelChecker.RandomPoint(model, center, rng) })
        {
            Array.Sort(theta, 1, 3);
            int p = theta.Length;
            var expected = new double[p * p];
            ((IMleModel)model).ExpectedInformation(theta, expected);
            var average = new double[p * p];
            var observed = new double[p * p];
            double[] cuts = theta[1..];
            for (int i = 0; i < model.Y.Length; i++)
            {
                for (int k = 0; k <= cuts.Length; k++)
                {
                    var row = new OrderedLogisticModel { x = [model.x[i]], Y = [k], W = [model.W[i]] };
                    ((IMleModel)row).ObservedInformation(theta, observed);
                    double probability = Math.Exp(new OrderedLogistic(theta[0] * model.x[i], cuts).LogDensity(k));
                    for (int e = 0; e < p * p; e++)
                    {
                        average[e] += probability * observed[e];
                    }
                }
            }

            double scale = average.Max(Math.Abs);
            for (int e = 0; e < p * p; e++)
            {
                Assert.True(Math.Abs(expected[e] - average[e]) <= 1e-11 * scale, $"[{e / p}, {e % p}]: generated {expected[e]:R}, class average {average[e]:R}");
            }
        }

        // Cuts given as data: only the predictor's block, the same identity.
        var known = new OrderedLogisticKnownCutsModel { x = [0.3, -1.2, 2.0], Y = [0, 2, 1], Cuts = [-0.7, 0.9] };
        double[] ab = [0.2, -0.4];
        var fisher = new double[4];
        ((IMleModel)known).ExpectedInformation(ab, fisher);
        var sum = new double[4];
        var one = new double[4];
        for (int i = 0; i < 3; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                ((IMleModel)new OrderedLogisticKnownCutsModel { x = [known.x[i]], Y = [k], Cuts = known.Cuts }).ObservedInformation(ab, one);
                double probability = Math.Exp(new OrderedLogistic(ab[0] + (ab[1] * known.x[i]), known.Cuts).LogDensity(k));
                for (int e = 0; e < 4; e++)
                {
                    sum[e] += probability * one[e];
                }
            }
        }

        for (int e = 0; e < 4; e++)
        {
            Assert.True(Math.Abs(fisher[e] - sum[e]) <= 1e-12 * sum.Max(Math.Abs), $"known cuts [{e}]: generated {fisher[e]:R}, class average {sum[e]:R}");
        }
    }

    [Fact]
    public void OrderedLogisticExpectedInformationMatchesTheScoresOfALargeSample()
    {
        var model = Ordered(20000, 13);
        Array.Fill(model.W, 1.0);   // unit weights: Σ wᵢ² sᵢsᵢᵀ is then the sample's Σ sᵢsᵢᵀ
        Assert.True(((IMleModel)model).HasExpectedInformation);
        ModelChecker.CheckExpectedMonteCarlo(model, [0.8, -1, 0.2, 1.5], 0.05);
    }

    [Fact]
    public void ZinbExpectedInformationIsTheCountAverageOfTheObservedOne()
    {
        // F = Σᵢ Σ_y p(y) Oᵢ(y), y = 0 … 600 (the tail beyond is below 1e-40 here), Oᵢ(y) the generated observed information of
        // row i observed as y: the closed form (π, μ, φ) with the runtime's dispersion series, at the truth and away from it.
        var model = Zinb(12, 21);
        Assert.True(((IMleModel)model).HasExpectedInformation);
        foreach (var theta in new[] { new[] { 1.1, -0.6, 0.25, 1.7 }, [0.4, 0.9, 0.6, 0.35] })
        {
            int p = theta.Length;
            var expected = new double[p * p];
            ((IMleModel)model).ExpectedInformation(theta, expected);
            var average = new double[p * p];
            var observed = new double[p * p];
            for (int i = 0; i < model.Y.Length; i++)
            {
                var family = new ZeroInflatedNegativeBinomial(theta[2], Math.Exp(theta[0] + (theta[1] * model.x[i])), theta[3]);
                for (int y = 0; y <= 600; y++)
                {
                    double probability = Math.Exp(family.LogDensity(y));
                    if (probability == 0)
                    {
                        continue;
                    }

                    ((IMleModel)new ZeroInflatedNegativeBinomialModel { x = [model.x[i]], Y = [y] }).ObservedInformation(theta, observed);
                    for (int e = 0; e < p * p; e++)
                    {
                        average[e] += probability * observed[e];
                    }
                }
            }

            for (int e = 0; e < p * p; e++)
            {
                double scale = Math.Sqrt(Math.Abs(average[(e / p * p) + (e / p)] * average[(e % p * p) + (e % p)]));
                Assert.True(Math.Abs(expected[e] - average[e]) <= 1e-9 * scale, $"θ = [{string.Join(", ", theta)}] [{e / p}, {e % p}]: generated {expected[e]:R}, count average {average[e]:R}");
            }
        }
    }

    [Fact]
    public void ZinbExpectedInformationMatchesTheScoresOfALargeSample()
    {
        var model = Zinb(20000, 22);
        ModelChecker.CheckExpectedMonteCarlo(model, [1.1, -0.6, 0.25, 1.7], 0.05);
    }

    [Fact]
    public void FitsRecoverTheTruth()
    {
        var ordered = Ordered(3000, 5);
        ordered.B = 0;
        ordered.Cuts = [-0.5, 0, 0.5];
        var fit = ordered.Fit();
        Assert.True(fit.Converged, fit.ConvergenceReason);
        Assert.InRange(fit["B"].Estimate, 0.65, 0.95);
        Assert.InRange(fit["Cuts[2]"].Estimate, 1.25, 1.75);
        var zip = Zip(3000, 6);
        zip.A = 0;
        zip.B = 0;
        zip.G = 0;
        var zfit = zip.Fit();
        Assert.True(zfit.Converged, zfit.ConvergenceReason);
        Assert.InRange(zfit["A"].Estimate, 0.6, 0.8);
        Assert.InRange(zfit["G"].Estimate, -0.8, -0.2);
    }

    [Fact]
    public void AnOrderedStartThatIsNotIncreasingNamesTheMemberAndIndex()
    {
        var model = Ordered(50, 7);
        model.Cuts = [-1, 0.5, 0.5];
        var e = Assert.Throws<ArgumentException>(() => model.Fit());
        Assert.StartsWith("Cuts[2] = 0.5 is not above Cuts[1] = 0.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AClassOutsideTheCutsNamesTheObservation()
    {
        var model = Ordered(50, 8);
        model.Y[9] = 4;
        var e = Assert.Throws<ModelDataException>(() => ((IMleModel)model).ValidateData());
        Assert.Equal("Y", e.Member);
        Assert.Equal(9, e.Index);
    }

    [Fact]
    public void ACutPointCanBeProfiledAndHeldFixed()
    {
        var model = Ordered(400, 9);
        var fit = model.Fit();
        var (lower, upper) = fit.ProfileInterval("Cuts[1]");
        double estimate = fit["Cuts[1]"].Estimate;
        Assert.True(lower < estimate && estimate < upper, $"{lower} < {estimate} < {upper}");
        var held = Ordered(400, 9).Fit(new FitOptions { Fixed = new System.Collections.Generic.Dictionary<string, double> { ["Cuts[1]"] = upper } });
        // At the profile interval's end the likelihood-ratio statistic is the χ²₁ 95% quantile.
        Assert.Equal(3.841458820694124, 2 * (fit.LogLikelihood - held.LogLikelihood), 6);
    }
}
