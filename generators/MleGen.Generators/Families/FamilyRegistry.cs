using System;
using System.Collections.Generic;
using MleGen.Generators.Families.Descriptors;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>
/// The one list of observation families: each <see cref="FamilyKind"/> has exactly one <see cref="FamilyDescriptor"/>
/// here (checked when the registry is built and by <c>FamilyRegistryTests</c>). The parser recognizes families by
/// their descriptors' metadata names; IR lowering, the emitters and the lint read every fact from them.
/// </summary>
internal static class FamilyRegistry
{
    private static readonly FamilyDescriptor[] ByKind = Build(
        new NormalFamily(),
        new LaplaceFamily(),
        new StudentTFamily(),
        new CauchyFamily(),
        new LogNormalFamily(),
        new ExponentialFamily(),
        new GammaFamily(),
        new WeibullFamily(),
        new BetaFamily(),
        new BernoulliFamily(),
        new BernoulliLogitFamily(),
        new BernoulliProbitFamily(),
        new BinomialFamily(),
        new BinomialLogitFamily(),
        new PoissonFamily(),
        new PoissonLogFamily(),
        new NegativeBinomialFamily(),
        new CategoricalLogitsFamily(),
        new NormalMixtureFamily(),
        new GumbelFamily(),
        new OrderedLogisticFamily(),
        new ZeroInflatedPoissonFamily(),
        new ZeroInflatedNegativeBinomialFamily(),
        new CustomTermFamily());

    /// <summary>Every family, in <see cref="FamilyKind"/> order.</summary>
    public static IReadOnlyList<FamilyDescriptor> All => ByKind;

    /// <summary>The descriptor of <paramref name="family"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a family (an internal error: specs only hold known kinds).</exception>
    public static FamilyDescriptor Get(FamilyKind family) =>
        (uint)family < (uint)ByKind.Length ? ByKind[(int)family] : throw new ArgumentOutOfRangeException(nameof(family), family, "unknown family");

    /// <summary>The families <paramref name="include"/> selects, as a diagnostic lists them ("A, B and C").</summary>
    public static string List(Func<FamilyDescriptor, bool> include)
    {
        var names = new List<string>();
        foreach (var family in ByKind)
        {
            if (include(family))
            {
                names.Add(family.TypeName);
            }
        }

        return names.Count <= 1 ? string.Join("", names) : string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];
    }

    private static FamilyDescriptor[] Build(params FamilyDescriptor[] descriptors)
    {
        var byKind = new FamilyDescriptor[descriptors.Length];
        foreach (var descriptor in descriptors)
        {
            int k = (int)descriptor.Kind;
            if (k < 0 || k >= byKind.Length || byKind[k] is not null)
            {
                throw new InvalidOperationException("The family registry has a duplicate or out-of-range descriptor: " + descriptor.Kind);
            }

            byKind[k] = descriptor;
        }

        return byKind;
    }
}
