using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>Reads the <c>[Derived] double Name => expression;</c> properties: model-language expressions of the parameters.</summary>
internal static class DerivedParser
{
    public static List<DerivedSpec> ParseDerived(ParseContext context)
    {
        var result = new List<DerivedSpec>();
        if (context.Types.DerivedAttribute is null)
        {
            return result;
        }

        foreach (var member in context.ModelType.GetMembers())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (member.IsImplicitlyDeclared || !member.GetAttributes().Any(a => WellKnownTypes.Is(a.AttributeClass, context.Types.DerivedAttribute)))
            {
                continue;
            }

            if (Parse(context, member) is { } spec)
            {
                result.Add(spec);
            }
        }

        return result;
    }

    private static DerivedSpec? Parse(ParseContext context, ISymbol member)
    {
        var location = ModelParser.FirstLocation(member);
        if (member is not IPropertySymbol property || property.IsIndexer)
        {
            // [Derived] elsewhere is CS0592 (AttributeTargets.Property), reported by the compiler.
            context.Fail();
            return null;
        }

        if (property.Type.TypeKind == TypeKind.Error)
        {
            context.Fail();
            return null;
        }

        if (property.IsStatic)
        {
            context.Report(DiagnosticDescriptors.InvalidDerived, location, property.Name, "it must not be static");
            return null;
        }

        if (property.Type.SpecialType != SpecialType.System_Double)
        {
            context.Report(DiagnosticDescriptors.InvalidDerived, location, property.Name, "it must be of type double, not '" + property.Type.ToDisplayString() + "'");
            return null;
        }

        var declaration = property.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)).OfType<PropertyDeclarationSyntax>().FirstOrDefault();
        var body = declaration?.ExpressionBody?.Expression
            ?? declaration?.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.ValueText == "get")?.ExpressionBody?.Expression;
        if (declaration is null || body is null || property.SetMethod is not null)
        {
            context.Report(DiagnosticDescriptors.InvalidDerived, location, property.Name, "it must be a read-only property whose getter is one expression: 'double " + property.Name + " => expression;'");
            return null;
        }

        var expressions = new ExpressionParser(context);
        var spec = expressions.ParseDouble(body, new Scope());
        return spec is null ? null : new DerivedSpec(property.Name, spec);
    }
}
