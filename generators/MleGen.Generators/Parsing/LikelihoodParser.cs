using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>Reads the <c>[Likelihood]</c> methods: their shape, observed and weights members, and the family they return.</summary>
internal static class LikelihoodParser
{
    public static List<LikelihoodSpec> ParseLikelihoods(ParseContext context)
    {
        var result = new List<LikelihoodSpec>();
        foreach (var member in context.ModelType.GetMembers())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol method || member.IsImplicitlyDeclared)
            {
                continue;
            }

            var attribute = method.GetAttributes().FirstOrDefault(a => WellKnownTypes.Is(a.AttributeClass, context.Types.LikelihoodAttribute));
            var custom = method.GetAttributes().FirstOrDefault(a => WellKnownTypes.Is(a.AttributeClass, context.Types.LogLikelihoodAttribute));
            if (custom is not null)
            {
                // Also reports a method marked with both attributes.
                if (LogLikelihoodParser.Parse(context, method, custom) is { } term)
                {
                    result.Add(term);
                }
            }
            else if (attribute is not null && ParseLikelihood(context, method, attribute) is { } spec)
            {
                result.Add(spec);
            }
        }

        return result;
    }

    private static LikelihoodSpec? ParseLikelihood(ParseContext context, IMethodSymbol method, AttributeData attribute)
    {
        var ct = context.CancellationToken;
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(ct) as AttributeSyntax;
        var observed = CheckMember(context, method, attribute, attributeSyntax, isWeights: false);
        var weights = CheckMember(context, method, attribute, attributeSyntax, isWeights: true);
        var rightCensored = CheckCensoringMember(context, method, attribute, attributeSyntax, "RightCensored");
        var leftCensored = CheckCensoringMember(context, method, attribute, attributeSyntax, "LeftCensored");
        var truncatedBelow = CheckTruncationMember(context, method, attribute, attributeSyntax, "TruncatedBelow");
        var truncatedAbove = CheckTruncationMember(context, method, attribute, attributeSyntax, "TruncatedAbove");

        var location = ModelParser.FirstLocation(method);
        if (method.IsGenericMethod)
        {
            context.Report(DiagnosticDescriptors.InvalidLikelihoodShape, location, method.Name, "it must not be generic");
            return null;
        }

        if (method.Parameters.Length != 1 || method.Parameters[0].RefKind != RefKind.None || method.Parameters[0].Type.SpecialType != SpecialType.System_Int32)
        {
            if (method.Parameters.Any(p => p.Type.TypeKind == TypeKind.Error))
            {
                context.Fail();
                return null;
            }

            context.Report(DiagnosticDescriptors.InvalidLikelihoodShape, location, method.Name, "it must take exactly one int parameter, the observation index");
            return null;
        }

        if (!context.Types.TryGetFamily(method.ReturnType, out _))
        {
            if (method.ReturnType.TypeKind == TypeKind.Error)
            {
                context.Fail();
                return null;
            }

            context.Report(DiagnosticDescriptors.InvalidLikelihoodShape, location, method.Name, "it must return an observation family such as Normal, Poisson or CategoricalLogits, not '" + method.ReturnType.ToDisplayString() + "'");
            return null;
        }

        var expressions = new ExpressionParser(context);
        var declaration = expressions.FindDeclaration(method.PartialImplementationPart ?? method);
        if (declaration is null)
        {
            context.Report(DiagnosticDescriptors.InvalidLikelihoodShape, location, method.Name, "it has no body");
            return null;
        }

        var scope = new Scope();
        scope.Bind(method.Parameters[0], new ObservationIndexSpec());
        var families = new FamilyParser(context, expressions, method.Name);
        var call = expressions.ParseBody(
            declaration,
            scope,
            families.Parse,
            onMissingReturn: () => context.Report(DiagnosticDescriptors.InvalidLikelihoodShape, location, method.Name, "its body must end with 'return new Family(...)'"));

        if (call is null || observed is null || (attribute.NamedArguments.Any(a => a.Key == "Weights") && weights is null))
        {
            return null;
        }

        foreach (var argument in call.Arguments)
        {
            // Locals and helper results used twice are shared sub-expressions: the spec is a DAG, and every later stage
            // works on its distinct nodes (linear time), but recursive ones go as deep as its longest path.
            var (_, depth) = Limits.Measure(argument, Limits.MaxExpandedSize);
            if (depth > Limits.MaxDepth)
            {
                context.LimitExceeded = true;
                context.Report(DiagnosticDescriptors.ModelTooLarge, location, method.Name, "deeply nested once its locals are substituted", Limits.MaxDepth);
                return null;
            }
        }

        if (rightCensored.Failed || leftCensored.Failed || truncatedBelow.Failed || truncatedAbove.Failed)
        {
            return null;
        }

        foreach (var (key, name) in new[] { ("TruncatedBelow", truncatedBelow.Name), ("TruncatedAbove", truncatedAbove.Name) })
        {
            if (name is not null && !Families.FamilyTable.SupportsTruncation(call.Family, below: key == "TruncatedBelow"))
            {
                var at = attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == key)?.GetLocation() ?? location;
                context.Report(DiagnosticDescriptors.TruncationUnsupportedFamily, at, method.Name, call.Family.ToString(), key == "TruncatedBelow" ? "truncated below" : "truncated above");
                return null;
            }
        }

        if (call.Family is FamilyKind.CategoricalLogits or FamilyKind.OrderedLogistic && context.Data.Values.FirstOrDefault(d => d.Name == observed) is { Kind: not DataKind.IntArray })
        {
            var argument = attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null);
            context.Report(DiagnosticDescriptors.InvalidLikelihoodShape, argument?.GetLocation() ?? location, method.Name, call.Family + " observes class indices 0…K−1, so its observed member '" + observed + "' must be an int[]");
            return null;
        }

        if ((rightCensored.Name ?? leftCensored.Name) is not null && !Families.FamilyTable.SupportsCensoring(call.Family))
        {
            var key = rightCensored.Name is not null ? "RightCensored" : "LeftCensored";
            var at = attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == key)?.GetLocation() ?? location;
            context.Report(DiagnosticDescriptors.CensoringUnsupportedFamily, at, method.Name, call.Family.ToString(), key);
            return null;
        }

        return new LikelihoodSpec(method.Name, observed, weights, call.Family, call.Arguments)
        {
            RightCensored = rightCensored.Name,
            LeftCensored = leftCensored.Name,
            TruncatedBelow = truncatedBelow.Name,
            TruncatedAbove = truncatedAbove.Name,
        };
    }

    /// <summary>The truncation bound named by <c>TruncatedBelow</c>/<c>TruncatedAbove</c>: a <c>[Data] double</c> or <c>double[]</c>; else reports it.</summary>
    private static (string? Name, bool Failed) CheckTruncationMember(ParseContext context, IMethodSymbol method, AttributeData attribute, AttributeSyntax? syntax, string key)
    {
        var named = attribute.NamedArguments.FirstOrDefault(a => a.Key == key);
        if (named.Key is null)
        {
            return (null, false);
        }

        var name = named.Value.Value as string;
        var argumentSyntax = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == key)?.Expression;
        var location = argumentSyntax?.GetLocation() ?? ModelParser.FirstLocation(method);
        bool ok = false;
        bool invalidData = false;
        if (name is not null)
        {
            foreach (var candidate in context.ModelType.GetMembers(name))
            {
                if (context.Data.TryGetValue(candidate, out var data))
                {
                    ok = data.Kind is DataKind.Double or DataKind.DoubleArray;
                }
                else
                {
                    invalidData |= candidate.GetAttributes().Any(a => WellKnownTypes.Is(a.AttributeClass, context.Types.DataAttribute));
                }
            }
        }

        if (ok)
        {
            return (name, false);
        }

        if (invalidData)
        {
            context.Fail();
            return (null, true);
        }

        context.Report(DiagnosticDescriptors.InvalidTruncationMember, location, key, name ?? "(null)", method.Name);
        return (null, true);
    }

    /// <summary>The censoring flags named by <c>RightCensored</c>/<c>LeftCensored</c>: a <c>[Data] bool[]</c> other than the observations; else reports it.</summary>
    private static (string? Name, bool Failed) CheckCensoringMember(ParseContext context, IMethodSymbol method, AttributeData attribute, AttributeSyntax? syntax, string key)
    {
        var named = attribute.NamedArguments.FirstOrDefault(a => a.Key == key);
        if (named.Key is null)
        {
            return (null, false);
        }

        var name = named.Value.Value as string;
        var argumentSyntax = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == key)?.Expression;
        var location = argumentSyntax?.GetLocation() ?? ModelParser.FirstLocation(method);
        bool ok = false;
        bool invalidData = false;
        if (name is not null)
        {
            foreach (var candidate in context.ModelType.GetMembers(name))
            {
                if (context.Data.TryGetValue(candidate, out var data))
                {
                    ok = data.Kind == DataKind.BoolArray;
                }
                else
                {
                    invalidData |= candidate.GetAttributes().Any(a => WellKnownTypes.Is(a.AttributeClass, context.Types.DataAttribute));
                }
            }
        }

        var observed = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (ok && name == observed)
        {
            context.Report(DiagnosticDescriptors.InvalidCensoringMember, location, key, name!, method.Name, ", other than the observations themselves");
            return (null, true);
        }

        var other = key == "RightCensored" ? "LeftCensored" : "RightCensored";
        if (ok && key == "LeftCensored" && attribute.NamedArguments.Any(a => a.Key == other && a.Value.Value as string == name))
        {
            context.Report(DiagnosticDescriptors.InvalidCensoringMember, location, key, name!, method.Name, ", other than the " + other + " flags");
            return (null, true);
        }

        if (ok)
        {
            return (name, false);
        }

        if (invalidData)
        {
            // The member itself was reported (MLE0003/MLE0012).
            context.Fail();
            return (null, true);
        }

        context.Report(DiagnosticDescriptors.InvalidCensoringMember, location, key, name ?? "(null)", method.Name, "");
        return (null, true);
    }

    /// <summary>The observed (or weights) member named by the attribute, if it is a suitable <c>[Data]</c> member; else reports it.</summary>
    private static string? CheckMember(ParseContext context, IMethodSymbol method, AttributeData attribute, AttributeSyntax? syntax, bool isWeights)
    {
        object? value;
        ExpressionSyntax? argumentSyntax = null;
        if (isWeights)
        {
            var named = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Weights");
            if (named.Key is null)
            {
                return null;
            }

            value = named.Value.Value;
            argumentSyntax = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Weights")?.Expression;
        }
        else
        {
            if (attribute.ConstructorArguments.Length != 1)
            {
                context.Fail();
                return null;
            }

            value = attribute.ConstructorArguments[0].Value;
            argumentSyntax = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null)?.Expression;
        }

        var name = value as string;
        var location = argumentSyntax?.GetLocation() ?? ModelParser.FirstLocation(method);
        bool ok = false;
        bool invalidData = false;
        if (name is not null)
        {
            foreach (var candidate in context.ModelType.GetMembers(name))
            {
                if (context.Data.TryGetValue(candidate, out var data))
                {
                    ok = isWeights
                        ? data.Kind == DataKind.DoubleArray
                        : data.Kind is DataKind.DoubleArray or DataKind.IntArray or DataKind.BoolArray;
                }
                else
                {
                    invalidData |= candidate.GetAttributes().Any(a => WellKnownTypes.Is(a.AttributeClass, context.Types.DataAttribute));
                }
            }
        }

        if (ok)
        {
            return name;
        }

        if (invalidData)
        {
            // The member itself was reported (MLE0003/MLE0012).
            context.Fail();
            return null;
        }

        context.Report(
            isWeights ? DiagnosticDescriptors.InvalidWeightsMember : DiagnosticDescriptors.InvalidObservedMember,
            location,
            name ?? "(null)",
            method.Name);
        return null;
    }
}
