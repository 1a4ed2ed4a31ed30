using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.CodeFixes;

/// <summary>Finds the <c>[Param]</c> field a lint diagnostic is about and its attributes.</summary>
internal static class ParamDeclarations
{
    /// <summary>
    /// The field declaration around <paramref name="node"/> when it declares exactly one variable (a fix on
    /// <c>double A, B;</c> would change both, so none is offered).
    /// </summary>
    public static FieldDeclarationSyntax? SingleField(SyntaxNode? node) =>
        node?.AncestorsAndSelf().OfType<FieldDeclarationSyntax>().FirstOrDefault() is { Declaration.Variables.Count: 1 } field ? field : null;

    /// <summary>The attribute on <paramref name="field"/> whose type is <paramref name="metadataName"/>, or null.</summary>
    public static AttributeSyntax? FindAttribute(FieldDeclarationSyntax field, SemanticModel model, string metadataName, CancellationToken ct)
    {
        var type = model.Compilation.GetTypeByMetadataName(metadataName);
        if (type is null)
        {
            return null;
        }

        foreach (var attribute in field.AttributeLists.SelectMany(list => list.Attributes))
        {
            if (model.GetSymbolInfo(attribute, ct).Symbol is IMethodSymbol constructor
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, type))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The named argument <paramref name="name"/> = … of <paramref name="attribute"/>, or null.</summary>
    public static AttributeArgumentSyntax? NamedArgument(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
}
