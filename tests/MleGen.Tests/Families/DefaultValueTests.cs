using System;
using System.Collections.Generic;
using Xunit;

namespace MleGen.Tests.Families;

/// <summary>A default-initialized family (all parameters 0) is invalid, but evaluating it must not throw.</summary>
public class DefaultValueTests
{
    public static TheoryData<string> Names =>
    [
        nameof(Normal), nameof(Laplace), nameof(StudentT), nameof(Cauchy), nameof(LogNormal), nameof(Exponential),
        nameof(Gamma), nameof(Weibull), nameof(Beta), nameof(Bernoulli), nameof(BernoulliLogit), nameof(BernoulliProbit),
        nameof(Binomial), nameof(BinomialLogit), nameof(Poisson), nameof(PoissonLog), nameof(NegativeBinomial),
        nameof(CategoricalLogits), nameof(NormalMixture),
    ];

    private static readonly Dictionary<string, IObservationFamily> Defaults = new()
    {
        [nameof(Normal)] = default(Normal),
        [nameof(Laplace)] = default(Laplace),
        [nameof(StudentT)] = default(StudentT),
        [nameof(Cauchy)] = default(Cauchy),
        [nameof(LogNormal)] = default(LogNormal),
        [nameof(Exponential)] = default(Exponential),
        [nameof(Gamma)] = default(Gamma),
        [nameof(Weibull)] = default(Weibull),
        [nameof(Beta)] = default(Beta),
        [nameof(Bernoulli)] = default(Bernoulli),
        [nameof(BernoulliLogit)] = default(BernoulliLogit),
        [nameof(BernoulliProbit)] = default(BernoulliProbit),
        [nameof(Binomial)] = default(Binomial),
        [nameof(BinomialLogit)] = default(BinomialLogit),
        [nameof(Poisson)] = default(Poisson),
        [nameof(PoissonLog)] = default(PoissonLog),
        [nameof(NegativeBinomial)] = default(NegativeBinomial),
        [nameof(CategoricalLogits)] = default(CategoricalLogits),
        [nameof(NormalMixture)] = default(NormalMixture),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void DefaultValueDoesNotThrow(string name)
    {
        var family = Defaults[name];
        foreach (double y in new[] { -1.0, 0, 0.5, 1, 2 })
        {
            _ = family.LogDensity(y);
        }
    }
}
