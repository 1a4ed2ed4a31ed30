using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MleGen.Generators.Common;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>
/// Turns a <c>[Model]</c> class (symbols and syntax) into a <see cref="ModelSpec"/> plus diagnostics.
/// Pure and static; shared by the generator and <see cref="ModelAnalyzer"/>. Never throws on user code.
/// </summary>
internal static class ModelParser
{
    /// <summary>Parses <paramref name="type"/>; the spec is null whenever the model has an error.</summary>
    /// <param name="type">The <c>[Model]</c> type.</param>
    /// <param name="semanticModel">A semantic model of one of its declarations; others are fetched from its compilation.</param>
    /// <param name="ct">Cancellation.</param>
    internal static ParseResult Parse(INamedTypeSymbol type, SemanticModel semanticModel, CancellationToken ct)
    {
        var context = new ParseContext(type, semanticModel, ct);
        var containingTypes = CheckTypeShape(context);
        MemberParser.ParseMembers(context, out var data, out var parameters);
        var likelihoods = LikelihoodParser.ParseLikelihoods(context);
        var derived = DerivedParser.ParseDerived(context);
        if (likelihoods.Count == 0 && !context.Failed)
        {
            context.Report(DiagnosticDescriptors.NoLikelihood, FirstLocation(type), type.Name);
        }

        if (HasDuplicateNames(data.Select(d => d.Name).Concat(parameters.Select(p => p.Name)))
            || HasDuplicateNames(likelihoods.Select(l => l.MethodName)))
        {
            // Duplicate members are C# errors (CS0102, CS0111) the compiler reports.
            context.Fail();
        }

        ModelSpec? spec = null;
        if (!context.Failed && likelihoods.Count > 0)
        {
            spec = new ModelSpec(
                type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
                type.Name,
                containingTypes.ToEquatableArray(),
                data.ToEquatableArray(),
                parameters.ToEquatableArray(),
                likelihoods.ToEquatableArray())
            {
                Derived = derived.ToEquatableArray(),
            };
        }

        return new ParseResult(spec, context.GetDiagnostics());
    }

    private static bool HasDuplicateNames(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        return names.Any(name => !seen.Add(name));
    }

    internal static Location? FirstLocation(ISymbol symbol) =>
        symbol.Locations.FirstOrDefault(static l => l.IsInSource) ?? symbol.Locations.FirstOrDefault();

    /// <summary>Checks partial and generic on the model and its containing types; returns the containing types, outermost first.</summary>
    private static List<ContainingTypeSpec> CheckTypeShape(ParseContext context)
    {
        var type = context.ModelType;
        if (type.TypeKind != TypeKind.Class || type.DeclaringSyntaxReferences.IsEmpty)
        {
            // [Model] on a struct or interface is CS0592, reported by the compiler.
            context.Fail();
        }

        bool generic = false;
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            generic |= current.TypeParameters.Length > 0;
        }

        if (generic)
        {
            context.Report(DiagnosticDescriptors.GenericModel, FirstLocation(type), type.Name);
        }

        var containing = new List<ContainingTypeSpec>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            TypeDeclarationSyntax? firstDeclaration = null;
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(context.CancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                firstDeclaration ??= declaration;
                if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    context.Report(DiagnosticDescriptors.ModelNotPartial, declaration.Identifier.GetLocation(), current.Name, type.Name);
                }
            }

            if (!SymbolEqualityComparer.Default.Equals(current, type))
            {
                containing.Insert(0, new ContainingTypeSpec(Keyword(current, firstDeclaration), current.Name));
            }
        }

        return containing;
    }

    private static string Keyword(INamedTypeSymbol type, TypeDeclarationSyntax? declaration)
    {
        if (type.IsRecord)
        {
            return type.TypeKind == TypeKind.Struct ? "record struct" : "record";
        }

        return type.TypeKind switch
        {
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            _ => declaration is StructDeclarationSyntax ? "struct" : "class",
        };
    }
}
