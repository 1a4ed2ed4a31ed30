using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MleGen.Generators.Emit;

namespace MleGen.Generators.Specs;

/// <summary>
/// Where a model's type is declared, as plain values (no <see cref="Location"/> or syntax tree is kept in the pipeline),
/// keyed by the hint name of its generated file: the generator puts MLE0026 here. It is its own incremental step, apart
/// from the model's spec, so moving a model in its file re-runs only this small step, not the emission.
/// </summary>
/// <param name="HintName">The hint name of the model's generated file (before case deduplication).</param>
/// <param name="FilePath">The declaring file.</param>
/// <param name="Span">The span of the type's name.</param>
/// <param name="LineSpan">The lines and columns of that span.</param>
internal sealed record ModelLocation(string HintName, string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The location of the model type's name in the node that carries <c>[Model]</c>.</summary>
    public static ModelLocation? From(GeneratorAttributeSyntaxContext context)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration)
        {
            return null;
        }

        var outer = new List<string>();
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            outer.Insert(0, containing.Name);
        }

        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        var name = declaration.Identifier.GetLocation();
        return new ModelLocation(HintNames.For(ns, outer, type.Name), declaration.SyntaxTree.FilePath, name.SourceSpan, name.GetLineSpan().Span);
    }

    /// <summary>The Roslyn location, for the diagnostic.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
