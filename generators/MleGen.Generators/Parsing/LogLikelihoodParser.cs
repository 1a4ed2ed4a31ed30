using System.Linq;
using MleGen.Generators.Common;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>
/// Reads a <c>[LogLikelihood]</c> method: <c>double Term(int i)</c> over the rows of a <c>[Data]</c> array, or
/// <c>double Term()</c> once. Its body is one model-language expression (locals and helpers inlined), kept as the
/// single argument of a <see cref="FamilyKind.Custom"/> term.
/// </summary>
internal static class LogLikelihoodParser
{
    public static LikelihoodSpec? Parse(ParseContext context, IMethodSymbol method, AttributeData attribute)
    {
        var ct = context.CancellationToken;
        var location = ModelParser.FirstLocation(method);
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(ct) as AttributeSyntax;
        if (method.GetAttributes().Any(a => WellKnownTypes.Is(a.AttributeClass, context.Types.LikelihoodAttribute)))
        {
            context.Report(DiagnosticDescriptors.InvalidLogLikelihoodTerm, location, method.Name, "it cannot be both a [Likelihood] and a [LogLikelihood] method");
            return null;
        }

        if (method.IsGenericMethod || method.IsStatic)
        {
            context.Report(DiagnosticDescriptors.InvalidLogLikelihoodTerm, location, method.Name, method.IsStatic ? "it must not be static" : "it must not be generic");
            return null;
        }

        if (method.ReturnType.TypeKind == TypeKind.Error || method.Parameters.Any(p => p.Type.TypeKind == TypeKind.Error))
        {
            context.Fail();
            return null;
        }

        if (method.ReturnType.SpecialType != SpecialType.System_Double)
        {
            context.Report(DiagnosticDescriptors.InvalidLogLikelihoodTerm, location, method.Name, "it must return double (a log-likelihood contribution), not '" + method.ReturnType.ToDisplayString() + "'");
            return null;
        }

        string? rows = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        bool perRow = attribute.ConstructorArguments.Length == 1;
        bool takesIndex = method.Parameters.Length == 1 && method.Parameters[0].RefKind == RefKind.None && method.Parameters[0].Type.SpecialType == SpecialType.System_Int32;
        if (perRow && !takesIndex)
        {
            context.Report(DiagnosticDescriptors.InvalidLogLikelihoodTerm, location, method.Name, "a term over the rows of a member must take exactly one int parameter, the row index: 'double " + method.Name + "(int i)'");
            return null;
        }

        if (!perRow && method.Parameters.Length != 0)
        {
            string why = takesIndex
                ? "it takes a row index, so the attribute must name the rows it runs over: [LogLikelihood(nameof(Y))]"
                : "a single term takes no parameters: 'double " + method.Name + "()'";
            context.Report(DiagnosticDescriptors.InvalidLogLikelihoodTerm, location, method.Name, why);
            return null;
        }

        if (perRow && !CheckRows(context, method, rows, attributeSyntax))
        {
            return null;
        }

        var expressions = new ExpressionParser(context);
        var declaration = expressions.FindDeclaration(method.PartialImplementationPart ?? method);
        if (declaration is null)
        {
            context.Report(DiagnosticDescriptors.InvalidLogLikelihoodTerm, location, method.Name, "it has no body");
            return null;
        }

        var scope = new Scope();
        if (perRow)
        {
            scope.Bind(method.Parameters[0], new ObservationIndexSpec());
        }

        var body = expressions.ParseBody(
            declaration,
            scope,
            expressions.ParseDouble,
            onMissingReturn: () => context.Report(DiagnosticDescriptors.InvalidLogLikelihoodTerm, location, method.Name, "its body must end with 'return expression;'"));
        if (body is null)
        {
            return null;
        }

        var (size, depth) = Limits.Measure(body, Limits.MaxExpandedSize);
        if (size > Limits.MaxExpandedSize || depth > Limits.MaxDepth)
        {
            context.LimitExceeded = true;
            context.Report(
                DiagnosticDescriptors.ModelTooLarge,
                location,
                method.Name,
                size > Limits.MaxExpandedSize ? "large once its locals and helper calls are expanded (nodes)" : "deeply nested once its locals are substituted",
                size > Limits.MaxExpandedSize ? Limits.MaxExpandedSize : Limits.MaxDepth);
            return null;
        }

        return new LikelihoodSpec(method.Name, rows ?? string.Empty, null, FamilyKind.Custom, new[] { body }.ToEquatableArray());
    }

    /// <summary>The rows member: a <c>[Data]</c> array (double[], int[], bool[]); else reports it.</summary>
    private static bool CheckRows(ParseContext context, IMethodSymbol method, string? rows, AttributeSyntax? syntax)
    {
        var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null)?.Expression;
        var location = argument?.GetLocation() ?? ModelParser.FirstLocation(method);
        bool invalidData = false;
        if (rows is not null)
        {
            foreach (var candidate in context.ModelType.GetMembers(rows))
            {
                if (context.Data.TryGetValue(candidate, out var data))
                {
                    if (data.Kind is DataKind.DoubleArray or DataKind.IntArray or DataKind.BoolArray)
                    {
                        return true;
                    }
                }
                else
                {
                    invalidData |= candidate.GetAttributes().Any(a => WellKnownTypes.Is(a.AttributeClass, context.Types.DataAttribute));
                }
            }
        }

        if (invalidData)
        {
            // The member itself was reported (MLE0003/MLE0012).
            context.Fail();
            return false;
        }

        context.Report(
            DiagnosticDescriptors.InvalidLogLikelihoodTerm,
            location,
            method.Name,
            "its rows member '" + (rows ?? "(null)") + "' must be a [Data] array of the model (double[], int[] or bool[]); use nameof");
        return false;
    }
}
