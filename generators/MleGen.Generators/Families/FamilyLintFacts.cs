using System.Collections.Generic;
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
internal readonly record struct FusedForm(int ArgumentIndex, UnaryOp Link, string LinkMethod, FamilyKind Fused)
{
    public const string ExpMethod = "System.Math.Exp";
    public const string LogisticMethod = "MleGen.Functions.Logistic";
    public const string PhiMethod = "MleGen.Functions.Phi";
}

/// <summary>
/// The facts about each observation family that the MLE01xx lint reads: the kind of observation it describes, which
/// arguments must be positive (scales, rates, shapes), which argument is a probability, which is a location, and the
/// fused link forms — all read from the family's <see cref="FamilyDescriptor"/>.
/// </summary>
internal static class FamilyLintFacts
{
    /// <summary>The observations <paramref name="family"/> describes.</summary>
    public static ObservationSupport Support(FamilyKind family) => FamilyRegistry.Get(family).Support;

    /// <summary>The arguments that must be positive: scales, sds, rates, shapes, dispersions, degrees of freedom.</summary>
    public static PositiveArgument[] PositiveArguments(FamilyKind family)
    {
        var arguments = FamilyRegistry.Get(family).Arguments;
        var result = new List<PositiveArgument>();
        for (int k = 0; k < arguments.Count; k++)
        {
            if (arguments[k].Role == ArgumentRole.Positive)
            {
                result.Add(new PositiveArgument(k, arguments[k].Name));
            }
        }

        return result.ToArray();
    }

    /// <summary>The argument that is a probability in [0, 1], or −1.</summary>
    public static int ProbabilityArgument(FamilyKind family) => IndexOf(family, ArgumentRole.Probability);

    /// <summary>The family that takes the logit of <paramref name="family"/>'s probability, or null.</summary>
    public static FamilyKind? LogitForm(FamilyKind family) => FamilyRegistry.Get(family).LogitForm;

    /// <summary>The location (or log-scale location) argument of a continuous family, or −1 when it has none.</summary>
    public static int LocationArgument(FamilyKind family) => IndexOf(family, ArgumentRole.Location);

    /// <summary>The fused forms of <paramref name="family"/>: Poisson(exp η) → PoissonLog(η), Bernoulli(Logistic η) → BernoulliLogit(η), …</summary>
    public static IReadOnlyList<FusedForm> FusedForms(FamilyKind family) => FamilyRegistry.Get(family).FusedForms;

    /// <summary>The family's C# type name (its metadata name without the <c>MleGen.</c> namespace).</summary>
    public static string TypeName(FamilyKind family) => FamilyRegistry.Get(family).TypeName;

    private static int IndexOf(FamilyKind family, ArgumentRole role)
    {
        var arguments = FamilyRegistry.Get(family).Arguments;
        for (int k = 0; k < arguments.Count; k++)
        {
            if (arguments[k].Role == role)
            {
                return k;
            }
        }

        return -1;
    }
}
