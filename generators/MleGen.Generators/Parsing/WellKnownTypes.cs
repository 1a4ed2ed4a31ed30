using System.Collections.Generic;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;

namespace MleGen.Generators.Parsing;

/// <summary>The symbols the parser recognizes, resolved once per parse by fully-qualified metadata name.</summary>
internal sealed class WellKnownTypes
{
    private static readonly (string MetadataName, PriorKind Kind)[] PriorNames =
    {
        ("MleGen.NormalPriorAttribute", PriorKind.Normal),
        ("MleGen.LaplacePriorAttribute", PriorKind.Laplace),
        ("MleGen.CauchyPriorAttribute", PriorKind.Cauchy),
        ("MleGen.HalfNormalPriorAttribute", PriorKind.HalfNormal),
        ("MleGen.GammaPriorAttribute", PriorKind.Gamma),
        ("MleGen.L2Attribute", PriorKind.L2),
        ("MleGen.L1Attribute", PriorKind.L1),
        ("MleGen.ElasticNetAttribute", PriorKind.ElasticNet),
    };

    private readonly Dictionary<INamedTypeSymbol, FamilyKind> _families = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, PriorKind> _priors = new(SymbolEqualityComparer.Default);

    private WellKnownTypes(Compilation compilation)
    {
        DataAttribute = compilation.GetTypeByMetadataName("MleGen.DataAttribute");
        ParamAttribute = compilation.GetTypeByMetadataName("MleGen.ParamAttribute");
        LikelihoodAttribute = compilation.GetTypeByMetadataName("MleGen.LikelihoodAttribute");
        DerivedAttribute = compilation.GetTypeByMetadataName("MleGen.DerivedAttribute");
        LogLikelihoodAttribute = compilation.GetTypeByMetadataName("MleGen.LogLikelihoodAttribute");
        Functions = compilation.GetTypeByMetadataName("MleGen.Functions");
        CategoricalLogits = compilation.GetTypeByMetadataName("MleGen.CategoricalLogits");
        Math = compilation.GetTypeByMetadataName("System.Math");
        foreach (var family in Families.FamilyRegistry.All)
        {
            if (compilation.GetTypeByMetadataName(family.MetadataName) is { } symbol)
            {
                _families[symbol] = family.Kind;
            }
        }

        foreach (var (name, kind) in PriorNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } symbol)
            {
                _priors[symbol] = kind;
            }
        }
    }

    public INamedTypeSymbol? DataAttribute { get; }

    public INamedTypeSymbol? ParamAttribute { get; }

    public INamedTypeSymbol? LikelihoodAttribute { get; }

    public INamedTypeSymbol? DerivedAttribute { get; }

    public INamedTypeSymbol? LogLikelihoodAttribute { get; }

    public INamedTypeSymbol? Functions { get; }

    public INamedTypeSymbol? CategoricalLogits { get; }

    public INamedTypeSymbol? Math { get; }

    public static WellKnownTypes Create(Compilation compilation) => new(compilation);

    public bool TryGetFamily(ITypeSymbol? type, out FamilyKind kind)
    {
        kind = default;
        return type is INamedTypeSymbol named && _families.TryGetValue(named, out kind);
    }

    public bool TryGetPrior(INamedTypeSymbol? attributeClass, out PriorKind kind)
    {
        kind = default;
        return attributeClass is not null && _priors.TryGetValue(attributeClass, out kind);
    }

    public static bool Is(ISymbol? symbol, INamedTypeSymbol? type) =>
        symbol is not null && type is not null && SymbolEqualityComparer.Default.Equals(symbol, type);
}
