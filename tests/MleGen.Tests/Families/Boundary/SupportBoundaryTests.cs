using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MleGen.Tests.Families.Boundary;

/// <summary>
/// Walks every family's support boundaries: a value the support check accepts must have a positive,
/// finite density that the generated NLL reproduces (at ordinary parameter values, including the shape
/// parameters at which a boundary density changes character, e.g. Weibull's k = 1); a value it rejects
/// must have density 0 by the family's own LogDensity and be a <see cref="ModelDataException"/> naming
/// the observed member and index from every evaluation entry point.
/// </summary>
public class SupportBoundaryTests
{
    private static readonly double Tiny = double.Epsilon;

    private static readonly double[] Reals = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0, Tiny, -Tiny, 1e-300];
    private static readonly double[] HalfLine = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1, -Tiny, -0.0, 0, Tiny, 1e-300, 1];
    private static readonly double[] Unit = [double.NaN, double.PositiveInfinity, -Tiny, -0.0, 0, Tiny, 0.5, Math.BitDecrement(1.0), 1, Math.BitIncrement(1.0), 2];
    private static readonly double[] Binary = [double.NaN, double.PositiveInfinity, -1, -0.0, 0, Tiny, 0.5, 1, 2];
    private static readonly double[] Counts = [double.NaN, double.PositiveInfinity, -1, -0.0, 0, 0.5, 1, int.MaxValue, int.MaxValue + 1.0, 1e300];
    private static readonly double[] UpToFive = [double.NaN, -1, -0.0, 0, 0.5, 4.5, 5, 6];
    private static readonly double[] ThreeClasses = [int.MinValue, -1, 0, 1, 2, 3, int.MaxValue];

    private sealed record Case(string Name, Func<IBoundaryModel> Create, Func<double, bool> IsInSupport, double[] Probes, double[] Typical, double[][] Settings);

    private static readonly Case[] Cases =
    [
        new("Normal", () => new NormalBoundary(), Normal.IsInSupport, Reals, [0.7, -1.2], [[0.3, 1.7]]),
        new("Laplace", () => new LaplaceBoundary(), Laplace.IsInSupport, Reals, [0.7, -1.2], [[0.3, 1.7]]),
        new("StudentT", () => new StudentTBoundary(), StudentT.IsInSupport, Reals, [0.7, -1.2], [[3, 0.3, 1.7], [0.5, 0, 1]]),
        new("Cauchy", () => new CauchyBoundary(), Cauchy.IsInSupport, Reals, [0.7, -1.2], [[0.3, 1.7]]),
        new("LogNormal", () => new LogNormalBoundary(), LogNormal.IsInSupport, HalfLine, [0.7, 2.2], [[0.3, 1.7]]),
        new("Exponential", () => new ExponentialBoundary(), Exponential.IsInSupport, HalfLine, [0.7, 2.2], [[1.3], [1e-3]]),
        new("Gamma", () => new GammaBoundary(), Gamma.IsInSupport, HalfLine, [0.7, 2.2], [[1, 1.3], [0.5, 1.3], [2.5, 0.2]]),
        new("Weibull", () => new WeibullBoundary(), Weibull.IsInSupport, HalfLine, [0.7, 2.2], [[1, 1], [0.5, 1], [2, 3]]),
        new("Beta", () => new BetaBoundary(), Beta.IsInSupport, Unit, [0.3, 0.8], [[1, 1], [0.5, 2], [2, 0.5]]),
        new("Bernoulli", () => new BernoulliBoundary(), Bernoulli.IsInSupport, Binary, [1, 0], [[0.3]]),
        new("BernoulliLogit", () => new BernoulliLogitBoundary(), BernoulliLogit.IsInSupport, Binary, [1, 0], [[0.4], [-30]]),
        new("BernoulliProbit", () => new BernoulliProbitBoundary(), BernoulliProbit.IsInSupport, Binary, [1, 0], [[0.4], [-8]]),
        new("Binomial", () => new BinomialBoundary { N = [5, 5, 5] }, y => Binomial.IsInSupport(y, 5), UpToFive, [2, 5], [[0.3]]),
        new("BinomialLogit", () => new BinomialLogitBoundary { N = [5, 5, 5] }, y => BinomialLogit.IsInSupport(y, 5), UpToFive, [2, 5], [[0.4], [-30]]),
        new("Poisson", () => new PoissonBoundary(), Poisson.IsInSupport, Counts, [3, 0], [[2.5]]),
        new("PoissonLog", () => new PoissonLogBoundary(), PoissonLog.IsInSupport, Counts, [3, 0], [[0.9]]),
        new("NegativeBinomial", () => new NegativeBinomialBoundary(), NegativeBinomial.IsInSupport, Counts, [3, 0], [[2.5, 1.5]]),
        new("CategoricalLogits", () => new CategoricalBoundary(), y => CategoricalLogits.IsInSupport(y, 3), ThreeClasses, [1, 0], [[0.2, -0.5]]),
        new("NormalMixture", () => new NormalMixtureBoundary(), NormalMixture.IsInSupport, Reals, [0.7, -1.2], [[0.3, 0.7, -1, 2, 0.5, 1.5]]),
        new("Gumbel", () => new GumbelBoundary(), Gumbel.IsInSupport, Reals, [0.7, -1.2], [[0.3, 1.7], [-2, 0.2]]),
        new("ZeroInflatedPoisson", () => new ZeroInflatedPoissonBoundary(), ZeroInflatedPoisson.IsInSupport, Counts, [3, 0], [[0.3, 2.5], [0.9, 1e-3]]),
        new("ZeroInflatedNegativeBinomial", () => new ZeroInflatedNegativeBinomialBoundary(), ZeroInflatedNegativeBinomial.IsInSupport, Counts, [3, 0], [[0.3, 2.5, 1.5]]),
        new("OrderedLogistic", () => new OrderedLogisticBoundary(), y => OrderedLogistic.IsInSupport(y, 3), ThreeClasses, [1, 0], [[0.3, -0.5, 1], [-4, -0.5, 1]]),
    ];

    public static TheoryData<string, double, int> Probes
    {
        get
        {
            var data = new TheoryData<string, double, int>();
            foreach (var c in Cases)
            {
                foreach (double probe in c.Probes)
                {
                    for (int s = 0; s < c.Settings.Length; s++)
                    {
                        data.Add(c.Name, probe, s);
                    }
                }
            }

            return data;
        }
    }

    [Fact]
    public void EveryFamilyIsWalked()
    {
        var families = typeof(IObservationFamily).Assembly.GetTypes()
            .Where(t => t.IsValueType && t.IsPublic && typeof(IObservationFamily).IsAssignableFrom(t))
            .Select(t => t.Name);
        Assert.Equal(families.OrderBy(n => n, StringComparer.Ordinal), Cases.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public void TheSupportCheckAgreesWithTheDensity(string family, double probe, int setting)
    {
        var c = Cases.Single(x => x.Name == family);
        IBoundaryModel model = c.Create();
        double[] theta = c.Settings[setting];
        model.WriteParameters(theta);
        model.Y = [probe, .. c.Typical];
        double oracle = model.OracleNll();
        if (c.IsInSupport(probe))
        {
            Assert.True(double.IsFinite(oracle), $"{family}: y = {probe:R} passes the support check, but its density at θ = [{string.Join(", ", theta)}] is {Math.Exp(-oracle):R} (NLL {oracle:R}).");
            double nll = model.NegativeLogLikelihood(theta);
            double[] gradient = new double[theta.Length];
            double nll2 = model.NegativeLogLikelihood(theta, gradient);
            Assert.True(Math.Abs(nll - oracle) <= 1e-12 * Math.Max(1, Math.Abs(oracle)), $"{family}: y = {probe:R}: generated NLL {nll:R}, oracle {oracle:R}.");
            Assert.Equal(nll, nll2, 12);
            Assert.All(gradient, g => Assert.True(double.IsFinite(g), $"{family}: y = {probe:R}: gradient [{string.Join(", ", gradient)}]"));
        }
        else
        {
            Assert.True(double.IsPositiveInfinity(oracle), $"{family}: y = {probe:R} fails the support check, but the family's LogDensity gives NLL {oracle:R}.");
            int p = theta.Length;
            foreach (Action call in new Action[]
            {
                () => model.NegativeLogLikelihood(theta),
                () => model.NegativeLogLikelihood(theta, new double[p]),
                () => model.ObservedInformation(theta, new double[p * p]),
                () => model.ExpectedInformation(theta, new double[p * p]),
                () => model.ScoreOuterProduct(theta, new double[p * p]),
            })
            {
                var e = Assert.Throws<ModelDataException>(call);
                Assert.Equal(family is "CategoricalLogits" or "OrderedLogistic" ? "Classes" : "Y", e.Member);
                Assert.Equal(0, e.Index);
            }
        }
    }
}
