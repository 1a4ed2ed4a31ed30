using System;
using System.Collections.Generic;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>
/// Each family's arguments in constructor order: the name the family's constructor gives it and the
/// values it accepts, spelled as a member of the runtime's <c>MleGen.ArgumentDomain</c> (the runtime owns
/// their meaning and wording). An argument computed from data alone is checked against its domain once per
/// data set, so "an sd of −1 in the data" is reported as that, never as a NaN log-likelihood.
/// </summary>
internal static class ArgumentDomains
{
    public const string Finite = "Finite";
    public const string Positive = "Positive";
    public const string PositiveOrInfinity = "PositiveOrInfinity";
    public const string NonNegative = "NonNegative";
    public const string Probability = "Probability";
    public const string AtLeastOne = "AtLeastOne";

    /// <summary>The mixing weights of a mixture: non-negative, summing to 1.</summary>
    public const string ProbabilityVector = "ProbabilityVector";

    /// <summary>(name, domain) of every argument of <paramref name="family"/>, in constructor order.</summary>
    public static IReadOnlyList<(string Name, string Domain)> Of(FamilyKind family) => family switch
    {
        FamilyKind.Normal => new[] { ("mean", Finite), ("sd", Positive) },
        FamilyKind.Laplace => new[] { ("location", Finite), ("scale", Positive) },
        FamilyKind.StudentT => new[] { ("nu", PositiveOrInfinity), ("location", Finite), ("scale", Positive) },
        FamilyKind.Cauchy => new[] { ("location", Finite), ("scale", Positive) },
        FamilyKind.LogNormal => new[] { ("mu", Finite), ("sigma", Positive) },
        FamilyKind.Exponential => new[] { ("rate", Positive) },
        FamilyKind.Gamma => new[] { ("shape", Positive), ("rate", Positive) },
        FamilyKind.Weibull => new[] { ("shape", Positive), ("scale", Positive) },
        FamilyKind.Beta => new[] { ("alpha", Positive), ("beta", Positive) },
        FamilyKind.Bernoulli => new[] { ("p", Probability) },
        FamilyKind.BernoulliLogit => new[] { ("eta", Finite) },
        FamilyKind.BernoulliProbit => new[] { ("eta", Finite) },
        FamilyKind.Binomial => new[] { ("trials", NonNegative), ("p", Probability) },
        FamilyKind.BinomialLogit => new[] { ("trials", NonNegative), ("eta", Finite) },
        FamilyKind.Poisson => new[] { ("rate", NonNegative) },
        FamilyKind.PoissonLog => new[] { ("eta", Finite) },
        FamilyKind.NegativeBinomial => new[] { ("mean", NonNegative), ("dispersion", Positive) },
        FamilyKind.CategoricalLogits => new[] { ("classes", AtLeastOne) },
        FamilyKind.NormalMixture => new[] { ("weights", ProbabilityVector), ("means", Finite), ("sds", Positive) },
        FamilyKind.OrderedLogistic => new[] { ("eta", Finite), ("cuts", Finite) },
        FamilyKind.ZeroInflatedPoisson => new[] { ("zeroProbability", Probability), ("rate", NonNegative) },
        FamilyKind.ZeroInflatedNegativeBinomial => new[] { ("zeroProbability", Probability), ("mean", NonNegative), ("dispersion", Positive) },
        FamilyKind.Custom => Array.Empty<(string, string)>(),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };
}
