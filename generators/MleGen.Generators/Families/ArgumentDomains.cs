using System.Collections.Generic;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>
/// The values a family argument accepts, spelled as a member of the runtime's <c>MleGen.ArgumentDomain</c> (the
/// runtime owns their meaning and wording). An argument computed from data alone is checked against its domain once
/// per data set, so "an sd of −1 in the data" is reported as that, never as a NaN log-likelihood. Each family's
/// arguments are in its <see cref="FamilyDescriptor.Arguments"/>.
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

    /// <summary>(name, domain) of every value argument of <paramref name="family"/> in constructor order (a lambda has no domain to check: it is left out).</summary>
    public static IReadOnlyList<(string Name, string Domain)> Of(FamilyKind family)
    {
        var result = new List<(string, string)>();
        foreach (var argument in FamilyRegistry.Get(family).Arguments)
        {
            if (argument.Kind != ArgumentKind.Lambda)
            {
                result.Add((argument.Name, argument.Domain));
            }
        }

        return result;
    }
}
