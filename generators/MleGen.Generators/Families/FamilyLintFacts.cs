using System;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>What kind of observation a family describes.</summary>
internal enum ObservationSupport
{
    /// <summary>A real number (or an interval of them): densities.</summary>
    Continuous,

    /// <summary>0, 1, 2, … (Poisson, negative binomial).</summary>
    Count,

    /// <summary>0 or 1 (Bernoulli).</summary>
    Binary,

    /// <summary>0 … trials (binomial).</summary>
    BoundedCount,

    /// <summary>0 … K − 1 (categorical).</summary>
    Categorical,
}

/// <summary>A family argument that must be positive, with the name the family gives it.</summary>
internal readonly record struct PositiveArgument(int Index, string Role);

/// <summary>A family whose probability or rate is usually written through a link, and its fused, stable form.</summary>
/// <param name="ArgumentIndex">The argument that is the probability or rate.</param>
/// <param name="Link">The inverse link the argument is wrapped in (<c>Math.Exp</c>, <c>Logistic</c>, <c>Phi</c>).</param>
/// <param name="LinkMethod">The link's method, as <c>Namespace.Type.Method</c>.</param>
/// <param name="Fused">The fused family that takes the linear predictor.</param>
internal readonly record struct FusedForm(int ArgumentIndex, UnaryOp Link, string LinkMethod, FamilyKind Fused);

/// <summary>
/// The facts about each observation family that the MLE01xx lint reads: the kind of observation it
/// describes, which arguments must be positive (scales, rates, shapes), which argument is a probability,
/// which is a location, and the fused link forms. One table with an exhaustive switch per fact, so a new
/// family fails the enumeration test until it is described here. It belongs with the family descriptors:
/// when <see cref="FamilyTable"/> becomes a registry of one descriptor per family, these facts move into it.
/// </summary>
internal static class FamilyLintFacts
{
    private const string MathExp = "System.Math.Exp";
    private const string Logistic = "MleGen.Functions.Logistic";
    private const string Phi = "MleGen.Functions.Phi";

    /// <summary>The observations <paramref name="family"/> describes.</summary>
    public static ObservationSupport Support(FamilyKind family) => family switch
    {
        FamilyKind.Normal or FamilyKind.Laplace or FamilyKind.StudentT or FamilyKind.Cauchy or FamilyKind.LogNormal
            or FamilyKind.Exponential or FamilyKind.Gamma or FamilyKind.Weibull or FamilyKind.Beta
            or FamilyKind.NormalMixture => ObservationSupport.Continuous,
        FamilyKind.Poisson or FamilyKind.PoissonLog or FamilyKind.NegativeBinomial => ObservationSupport.Count,
        FamilyKind.Bernoulli or FamilyKind.BernoulliLogit or FamilyKind.BernoulliProbit => ObservationSupport.Binary,
        FamilyKind.Binomial or FamilyKind.BinomialLogit => ObservationSupport.BoundedCount,
        FamilyKind.CategoricalLogits or FamilyKind.OrderedLogistic => ObservationSupport.Categorical,
        FamilyKind.ZeroInflatedPoisson or FamilyKind.ZeroInflatedNegativeBinomial => ObservationSupport.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown family"),
    };

    /// <summary>The scalar arguments that must be positive: scales, sds, rates, shapes, dispersions, degrees of freedom.</summary>
    public static PositiveArgument[] PositiveArguments(FamilyKind family) => family switch
    {
        FamilyKind.Normal => [new(1, "sd")],
        FamilyKind.Laplace => [new(1, "scale")],
        FamilyKind.StudentT => [new(0, "nu"), new(2, "scale")],
        FamilyKind.Cauchy => [new(1, "scale")],
        FamilyKind.LogNormal => [new(1, "sigma")],
        FamilyKind.Exponential => [new(0, "rate")],
        FamilyKind.Gamma => [new(0, "shape"), new(1, "rate")],
        FamilyKind.Weibull => [new(0, "shape"), new(1, "scale")],
        FamilyKind.Beta => [new(0, "alpha"), new(1, "beta")],
        FamilyKind.Poisson => [new(0, "rate")],
        FamilyKind.NegativeBinomial => [new(0, "mean"), new(1, "dispersion")],
        FamilyKind.NormalMixture => [new(2, "sds")],
        FamilyKind.ZeroInflatedPoisson => [new(1, "rate")],
        FamilyKind.ZeroInflatedNegativeBinomial => [new(1, "mean"), new(2, "dispersion")],
        FamilyKind.OrderedLogistic => [],
        FamilyKind.Bernoulli or FamilyKind.BernoulliLogit or FamilyKind.BernoulliProbit or FamilyKind.Binomial
            or FamilyKind.BinomialLogit or FamilyKind.PoissonLog or FamilyKind.CategoricalLogits => [],
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown family"),
    };

    /// <summary>The argument that is a probability in [0, 1], or −1.</summary>
    public static int ProbabilityArgument(FamilyKind family) => family switch
    {
        FamilyKind.Bernoulli => 0,
        FamilyKind.Binomial => 1,
        FamilyKind.Normal or FamilyKind.Laplace or FamilyKind.StudentT or FamilyKind.Cauchy or FamilyKind.LogNormal
            or FamilyKind.Exponential or FamilyKind.Gamma or FamilyKind.Weibull or FamilyKind.Beta
            or FamilyKind.BernoulliLogit or FamilyKind.BernoulliProbit or FamilyKind.BinomialLogit or FamilyKind.Poisson
            or FamilyKind.PoissonLog or FamilyKind.NegativeBinomial or FamilyKind.CategoricalLogits
            or FamilyKind.NormalMixture or FamilyKind.OrderedLogistic => -1,
        // A zero probability has no fused logit family to suggest: not linted.
        FamilyKind.ZeroInflatedPoisson or FamilyKind.ZeroInflatedNegativeBinomial => -1,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown family"),
    };

    /// <summary>The family that takes the logit of <paramref name="family"/>'s probability, or null.</summary>
    public static FamilyKind? LogitForm(FamilyKind family) => family switch
    {
        FamilyKind.Bernoulli => FamilyKind.BernoulliLogit,
        FamilyKind.Binomial => FamilyKind.BinomialLogit,
        _ when ProbabilityArgument(family) < 0 => null,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "a probability family without a logit form"),
    };

    /// <summary>The location (or log-scale location) argument of a continuous family, or −1 when it has none.</summary>
    public static int LocationArgument(FamilyKind family) => family switch
    {
        FamilyKind.Normal or FamilyKind.Laplace or FamilyKind.Cauchy or FamilyKind.LogNormal => 0,
        FamilyKind.StudentT => 1,
        FamilyKind.Exponential or FamilyKind.Gamma or FamilyKind.Weibull or FamilyKind.Beta or FamilyKind.NormalMixture
            or FamilyKind.Bernoulli or FamilyKind.BernoulliLogit or FamilyKind.BernoulliProbit or FamilyKind.Binomial
            or FamilyKind.BinomialLogit or FamilyKind.Poisson or FamilyKind.PoissonLog or FamilyKind.NegativeBinomial
            or FamilyKind.CategoricalLogits or FamilyKind.OrderedLogistic or FamilyKind.ZeroInflatedPoisson
            or FamilyKind.ZeroInflatedNegativeBinomial => -1,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown family"),
    };

    /// <summary>The fused forms of <paramref name="family"/>: Poisson(exp η) → PoissonLog(η), Bernoulli(Logistic η) → BernoulliLogit(η), …</summary>
    public static FusedForm[] FusedForms(FamilyKind family) => family switch
    {
        FamilyKind.Poisson => [new(0, UnaryOp.Exp, MathExp, FamilyKind.PoissonLog)],
        FamilyKind.Bernoulli => [new(0, UnaryOp.Logistic, Logistic, FamilyKind.BernoulliLogit), new(0, UnaryOp.Phi, Phi, FamilyKind.BernoulliProbit)],
        FamilyKind.Binomial => [new(1, UnaryOp.Logistic, Logistic, FamilyKind.BinomialLogit)],
        FamilyKind.Normal or FamilyKind.Laplace or FamilyKind.StudentT or FamilyKind.Cauchy or FamilyKind.LogNormal
            or FamilyKind.Exponential or FamilyKind.Gamma or FamilyKind.Weibull or FamilyKind.Beta
            or FamilyKind.BernoulliLogit or FamilyKind.BernoulliProbit or FamilyKind.BinomialLogit or FamilyKind.PoissonLog
            or FamilyKind.NegativeBinomial or FamilyKind.CategoricalLogits or FamilyKind.NormalMixture or FamilyKind.OrderedLogistic
            or FamilyKind.ZeroInflatedPoisson or FamilyKind.ZeroInflatedNegativeBinomial => [],
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown family"),
    };

    /// <summary>The family's C# type name (its metadata name without the <c>MleGen.</c> namespace).</summary>
    public static string TypeName(FamilyKind family) => family.ToString();
}
