using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>
/// What each family's runtime struct offers for fitted values and residuals (its descriptor's facts): a mean and a
/// variance (<c>Mean</c>, <c>Variance</c>) and a unit deviance (<c>Deviance(y)</c>). The formulas live in the runtime
/// structs; this only says which members the generated code may call.
/// </summary>
internal static class FittedTable
{
    /// <summary>True when the family's struct has <c>Mean</c> and <c>Variance</c> (Cauchy has no mean; a categorical's mean is not a number).</summary>
    public static bool HasMoments(FamilyKind family) => FamilyRegistry.Get(family).HasMoments;

    /// <summary>True when the family's struct has <c>Deviance(y)</c>: the exponential-dispersion (GLM) families.</summary>
    public static bool HasDeviance(FamilyKind family) => FamilyRegistry.Get(family).HasDeviance;

    /// <summary>True for the families whose first argument is an int count (Binomial's trials).</summary>
    public static bool HasTrials(FamilyKind family) => FamilyRegistry.Get(family).SupportBound == 0;
}
