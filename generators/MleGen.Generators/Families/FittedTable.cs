using System;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>
/// What each family's runtime struct offers for fitted values and residuals: a mean and a variance
/// (<c>Mean</c>, <c>Variance</c>) and a unit deviance (<c>Deviance(y)</c>). The formulas live in the runtime
/// structs; this table only says which members the generated code may call.
/// </summary>
internal static class FittedTable
{
    /// <summary>True when the family's struct has <c>Mean</c> and <c>Variance</c> (Cauchy has no mean; a categorical's mean is not a number).</summary>
    public static bool HasMoments(FamilyKind family) => family switch
    {
        FamilyKind.Cauchy or FamilyKind.CategoricalLogits or FamilyKind.OrderedLogistic => false,
        FamilyKind.ZeroInflatedPoisson or FamilyKind.ZeroInflatedNegativeBinomial => true,
        FamilyKind.Normal or FamilyKind.Laplace or FamilyKind.StudentT or FamilyKind.LogNormal or FamilyKind.Exponential
            or FamilyKind.Gamma or FamilyKind.Weibull or FamilyKind.Beta or FamilyKind.Bernoulli or FamilyKind.BernoulliLogit
            or FamilyKind.BernoulliProbit or FamilyKind.Binomial or FamilyKind.BinomialLogit or FamilyKind.Poisson
            or FamilyKind.PoissonLog or FamilyKind.NegativeBinomial or FamilyKind.NormalMixture => true,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };

    /// <summary>True when the family's struct has <c>Deviance(y)</c>: the exponential-dispersion (GLM) families.</summary>
    public static bool HasDeviance(FamilyKind family) => family switch
    {
        FamilyKind.Normal or FamilyKind.Exponential or FamilyKind.Gamma or FamilyKind.Bernoulli or FamilyKind.BernoulliLogit
            or FamilyKind.BernoulliProbit or FamilyKind.Binomial or FamilyKind.BinomialLogit or FamilyKind.Poisson
            or FamilyKind.PoissonLog or FamilyKind.NegativeBinomial => true,
        FamilyKind.Laplace or FamilyKind.StudentT or FamilyKind.Cauchy or FamilyKind.LogNormal or FamilyKind.Weibull
            or FamilyKind.Beta or FamilyKind.CategoricalLogits or FamilyKind.NormalMixture or FamilyKind.OrderedLogistic
            or FamilyKind.ZeroInflatedPoisson or FamilyKind.ZeroInflatedNegativeBinomial => false,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };

    /// <summary>True for the families whose first argument is an int count of trials.</summary>
    public static bool HasTrials(FamilyKind family) => family is FamilyKind.Binomial or FamilyKind.BinomialLogit;
}
