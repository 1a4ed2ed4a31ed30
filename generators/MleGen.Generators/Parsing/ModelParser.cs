using System.Collections.Generic;
using System.Collections.Immutable;
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
        var containingTypes = CheckTypeShape(context, out bool canTakePartial);
        canTakePartial &= CheckReservedNames(context);
        MemberParser.ParseMembers(context, out var data, out var parameters);
        List<LikelihoodSpec> likelihoods;
        List<DerivedSpec> derived;
        try
        {
            likelihoods = LikelihoodParser.ParseLikelihoods(context);
            derived = DerivedParser.ParseDerived(context);
        }
        catch (System.InsufficientExecutionStackException)
        {
            // Roslyn's own binder guards its stack: a model nested past it (1,000 parentheses on a 1 MB stack, a thread
            // still running unoptimized code) is too deep to compile, which is MLE0019, never a generator exception.
            context.Report(DiagnosticDescriptors.ModelTooLarge, FirstLocation(type), type.Name, "deeply nested (the C# compiler's stack guard stopped binding it)", Limits.MaxDepth);
            likelihoods = new List<LikelihoodSpec>();
            derived = new List<DerivedSpec>();
        }

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

        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        string keyword = type.IsRecord ? "record" : "class";
        ModelSpec? spec = null;
        if (!context.Failed && likelihoods.Count > 0)
        {
            spec = new ModelSpec(
                ns,
                type.Name,
                containingTypes.ToEquatableArray(),
                data.ToEquatableArray(),
                parameters.ToEquatableArray(),
                likelihoods.ToEquatableArray())
            {
                TypeKeyword = keyword,
                Derived = derived.ToEquatableArray(),
                Names = context.Names.ToEquatableArray(),
            };
        }

        // An invalid model whose type can take a partial gets one with a Fit, unless the user declared a Fit of their own.
        bool stub = spec is null && canTakePartial && type.GetMembers("Fit").IsEmpty;
        var target = spec is null && !stub ? null : new ModelTarget(ns, type.Name, keyword, containingTypes.ToEquatableArray(), spec, stub);
        return new ParseResult(spec, context.GetDiagnostics(), target);
    }

    /// <summary>
    /// The public members the generated half declares (Emit/ModelSurface.cs); together with every name starting with <c>__</c>,
    /// reserved. The other interface members are explicit implementations, which cannot collide with the user's.
    /// </summary>
    internal static readonly ImmutableHashSet<string> GeneratedMemberNames = ImmutableHashSet.Create(
        System.StringComparer.Ordinal, "ValidateData", "EvaluationThreads", "Describe", "Fit");

    /// <summary>MLE0016: a user member named like a generated one (the generated half's own members are skipped: the analyzer sees them too).</summary>
    private static bool CheckReservedNames(ParseContext context)
    {
        // A member may not share its type's name (CS0542): a model named after a generated member cannot take one.
        var type = context.ModelType;
        bool typeOk = true;
        if (GeneratedMemberNames.Contains(type.Name) || type.Name.StartsWith("__", System.StringComparison.Ordinal) || type.Name == "nameof")
        {
            typeOk = false;
            context.Report(DiagnosticDescriptors.ReservedMemberName, FirstLocation(type), type.Name, type.Name, "the model type itself: the generated half declares a member of this name");
        }

        foreach (var member in context.ModelType.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member.Locations.All(IsGenerated))
            {
                continue;
            }

            bool reserved = GeneratedMemberNames.Contains(member.Name) || member.Name.StartsWith("__", System.StringComparison.Ordinal);
            if (reserved && !IsExplicitInterfaceImplementation(member))
            {
                string why = member.Name.StartsWith("__", System.StringComparison.Ordinal) ? "names starting with '__' are reserved" : "a public member of the generated half";
                context.Report(DiagnosticDescriptors.ReservedMemberName, FirstLocation(member), member.Name, context.ModelType.Name, why);
            }
        }

        return typeOk;
    }

    private static bool IsExplicitInterfaceImplementation(ISymbol member) => member switch
    {
        IMethodSymbol method => !method.ExplicitInterfaceImplementations.IsEmpty,
        IPropertySymbol property => !property.ExplicitInterfaceImplementations.IsEmpty,
        _ => false,
    };

    /// <summary>True for a location in a file this generator wrote (Roslyn names them after the generator type).</summary>
    internal static bool IsGenerated(Location location) =>
        location.SourceTree?.FilePath.Replace('\\', '/').Contains("MleGen.Generators.MleGenerator/") == true;

    private static bool HasDuplicateNames(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        return names.Any(name => !seen.Add(name));
    }

    internal static Location? FirstLocation(ISymbol symbol) =>
        symbol.Locations.FirstOrDefault(static l => l.IsInSource) ?? symbol.Locations.FirstOrDefault();

    /// <summary>Checks partial and generic on the model and its containing types; returns the containing types, outermost first.</summary>
    private static List<ContainingTypeSpec> CheckTypeShape(ParseContext context, out bool canTakePartial)
    {
        var type = context.ModelType;
        canTakePartial = type.TypeKind == TypeKind.Class && !type.DeclaringSyntaxReferences.IsEmpty && type.Name.Length > 0;
        if (!canTakePartial)
        {
            // [Model] on a struct or interface is CS0592, reported by the compiler.
            context.Fail();
        }
        else if (type.IsStatic)
        {
            canTakePartial = false;
            context.Report(DiagnosticDescriptors.UnsupportedModelType, FirstLocation(type), type.Name, "a static class has no instances to fit");
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                canTakePartial = false;
                context.Report(DiagnosticDescriptors.UnsupportedModelType, FirstLocation(type), type.Name, "a file-local type cannot be completed by a generated file");
                break;
            }
        }

        bool generic = false;
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            generic |= current.TypeParameters.Length > 0;
        }

        if (generic)
        {
            canTakePartial = false;
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
                if (declaration.Identifier.IsMissing || declaration.Modifiers.Any(m => m.IsMissing))
                {
                    // A declaration the parser could not read (CS1001 …): nothing reliable to complete.
                    canTakePartial = false;
                }

                if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    canTakePartial = false;
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
