using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Tests.Fuzz;

/// <summary>
/// Deterministic mutations of a model source (same seed, same mutant): token edits (delete, duplicate, swap),
/// type changes, removed <c>partial</c> or attributes, nesting and odd declarations, renames to keywords and to the
/// names of generated members, changed literals and families, and deeper expressions.
/// </summary>
internal static class Mutator
{
    private static readonly string[] Types = ["double", "int", "bool", "float", "long", "decimal", "string", "object", "double[]", "int[]", "bool[]", "double[,]", "int[,]", "double[][]", "double?", "Normal"];

    /// <summary>Names that are C# keywords (spelled with @), generated members, generated locals or runtime types.</summary>
    private static readonly string[] Names =
    [
        "@event", "@class", "@double", "@this", "@int", "Fit", "ObservationCount", "ParameterCount", "NegativeLogLikelihood", "HasPrior",
        "KinkSmoothing", "EvaluationThreads", "__RequireLength", "__evaluator", "__Nll0", "__k0", "theta", "nll", "p", "i", "k", "j", "value",
        "gradient", "start", "end", "Math", "Normal", "Functions", "Sum", "Y", "X", "a", "A", "global", "nameof", "var", "M", "m",
    ];

    private static readonly string[] Literals = ["-1", "0", "-0.0", "double.NaN", "double.PositiveInfinity", "1e308", "2", "0.5", "-2.5", "int.MaxValue", "1e-320"];

    private static readonly string[] Families =
    [
        "Normal", "Laplace", "StudentT", "Cauchy", "LogNormal", "Exponential", "Gamma", "Weibull", "Beta", "Bernoulli", "BernoulliLogit",
        "BernoulliProbit", "Binomial", "BinomialLogit", "Poisson", "PoissonLog", "NegativeBinomial", "CategoricalLogits", "NormalMixture",
    ];

    private static readonly string[] Members =
    [
        "public int Fit;",
        "public double ObservationCount => 0;",
        "private void __RequireLength(int a, string b) { }",
        "public bool HasPrior;",
        "[Param] public double Extra;",
        "[Param(Lower = 1, Upper = 0)] public double Inverted = 0.5;",
        "[Param, NormalPrior(0, -1)] public double Bad;",
        "[Param, GammaPrior(-1, 1)] public double Bad;",
        "[Param, NormalPrior(double.NaN, 1)] public double Bad;",
        "[Param(Lower = 0), L1(1)] public double Bad = 1;",
        "[Param, ElasticNet(1, 2)] public double Bad;",
        "[Param, L1(0.5)] public double OnlyL1;",
        "[Data] public double[] Extra = [];",
        "static double Pick(params double[] x) => x[0];",
        "double Many(params double[] x) => x[0];",
        "public static double Shared;",
        "public Normal Observation2(int i) => new(0, 1);",
        "[Likelihood(nameof(Missing))] Normal Other(int i) => new(0, 1);",
        "public override string ToString() => \"m\";",
        "public partial class Inner { }",
        "public event System.Action? Changed;",
        "public double this[int i] => i;",
        "public static implicit operator double(M m) => 0;",
    ];

    /// <summary>One mutant of <paramref name="source"/>, with the name of the mutation.</summary>
    public static (string Source, string Mutation) Mutate(string source, Random random)
    {
        int kind = random.Next(14);
        string? mutant = kind switch
        {
            0 => EditToken(source, random, delete: true),
            1 => EditToken(source, random, delete: false),
            2 => SwapTokens(source, random),
            3 => ChangeType(source, random),
            4 => RemoveKeyword(source, random, "partial"),
            5 => RemoveAttribute(source, random),
            6 => Nest(source, random),
            7 => Rename(source, random),
            8 => ChangeLiteral(source, random),
            9 => ChangeFamily(source, random),
            10 => AddMember(source, random),
            11 => Deepen(source, random),
            12 => Deepen(source, random),
            _ => Mutate(Mutate(source, random).Source, random).Source,
        };
        string[] names = ["delete", "duplicate", "swap", "type", "partial", "attribute", "nest", "rename", "literal", "family", "member", "deepen", "deepen", "twice"];
        return (mutant ?? source, names[kind]);
    }

    private static SyntaxNode Root(string source) => CSharpSyntaxTree.ParseText(source).GetRoot();

    /// <summary>The tokens of the first type declaration (the model), whose edits matter; the usings stay.</summary>
    private static List<SyntaxToken> ModelTokens(SyntaxNode root) =>
        (root.DescendantNodes().OfType<TypeDeclarationSyntax>().FirstOrDefault() ?? root).DescendantTokens().ToList();

    private static string Replace(string source, Microsoft.CodeAnalysis.Text.TextSpan span, string text) =>
        source.Substring(0, span.Start) + text + source.Substring(span.End);

    private static string? EditToken(string source, Random random, bool delete)
    {
        var tokens = ModelTokens(Root(source));
        if (tokens.Count == 0)
        {
            return null;
        }

        var token = tokens[random.Next(tokens.Count)];
        return Replace(source, token.Span, delete ? string.Empty : token.Text + " " + token.Text);
    }

    private static string? SwapTokens(string source, Random random)
    {
        var tokens = ModelTokens(Root(source));
        if (tokens.Count < 2)
        {
            return null;
        }

        int k = random.Next(tokens.Count - 1);
        var (a, b) = (tokens[k], tokens[k + 1]);
        return source.Substring(0, a.Span.Start) + b.Text + source.Substring(a.Span.End, b.Span.Start - a.Span.End) + a.Text + source.Substring(b.Span.End);
    }

    private static string? ChangeType(string source, Random random)
    {
        var types = Root(source).DescendantNodes().Where(n => n is PredefinedTypeSyntax or ArrayTypeSyntax && n.Parent is not ArrayTypeSyntax).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        return Replace(source, types[random.Next(types.Count)].Span, Types[random.Next(Types.Length)]);
    }

    private static string? RemoveKeyword(string source, Random random, string keyword)
    {
        var tokens = ModelTokens(Root(source)).Where(t => t.Text == keyword).ToList();
        return tokens.Count == 0 ? null : Replace(source, tokens[random.Next(tokens.Count)].Span, string.Empty);
    }

    private static string? RemoveAttribute(string source, Random random)
    {
        var attributes = Root(source).DescendantNodes().Where(n => n is AttributeListSyntax or AttributeSyntax).ToList();
        if (attributes.Count == 0)
        {
            return null;
        }

        var node = attributes[random.Next(attributes.Count)];
        if (node is AttributeSyntax { Parent: AttributeListSyntax { Attributes.Count: > 1 } list } attribute)
        {
            // Drop one attribute from a list with its separator.
            var rest = list.Attributes.Remove(attribute);
            return Replace(source, list.Span, "[" + string.Join(", ", rest.Select(a => a.ToString())) + "]");
        }

        return Replace(source, (node is AttributeSyntax ? node.Parent! : node).Span, string.Empty);
    }

    private static string? Nest(string source, Random random)
    {
        var root = Root(source);
        var type = root.DescendantNodes().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (type is null)
        {
            return null;
        }

        string text = type.ToFullString();
        string name = type.Identifier.Text;
        switch (random.Next(12))
        {
            case 0: return Replace(source, type.FullSpan, "public partial class Outer\n{\n" + text + "\n}\n");
            case 1: return Replace(source, type.FullSpan, "public class Outer\n{\n" + text + "\n}\n");
            case 2: return Replace(source, type.FullSpan, "public partial struct Outer\n{\n" + text + "\n}\n");
            case 3: return Replace(source, type.FullSpan, "public static partial class Outer<T>\n{\n" + text + "\n}\n");
            case 4: return source.Replace("namespace Fuzz;", "namespace @class;", StringComparison.Ordinal);
            case 5: return source.Replace("namespace Fuzz;", "namespace N.@event.M;", StringComparison.Ordinal);
            case 6: return Replace(source, type.Span, "file " + type.ToString());
            case 7: return ReplaceKeyword(type, source, "record");
            case 8: return ReplaceKeyword(type, source, "record class");
            case 9: return ReplaceKeyword(type, source, "struct");
            case 10: return source + "\n" + ReplaceIdentifier(text, name, name.ToLowerInvariant() == name ? name.ToUpperInvariant() : name.ToLowerInvariant());
            default: return Replace(source, type.Span, "public static " + type.ToString());
        }
    }

    private static string ReplaceKeyword(TypeDeclarationSyntax type, string source, string keyword) =>
        Replace(source, type.Keyword.Span, keyword);

    private static string ReplaceIdentifier(string text, string name, string replacement)
    {
        var tokens = Root(text).DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name).Reverse();
        foreach (var token in tokens)
        {
            text = Replace(text, token.Span, replacement);
        }

        return text;
    }

    private static string? Rename(string source, Random random)
    {
        var root = Root(source);
        var identifiers = ModelTokens(root).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).Distinct().ToList();
        if (identifiers.Count == 0)
        {
            return null;
        }

        string name = identifiers[random.Next(identifiers.Count)];
        string replacement = Names[random.Next(Names.Length)];
        var text = new StringBuilder(source);
        foreach (var token in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name).Reverse())
        {
            text.Remove(token.Span.Start, token.Span.Length).Insert(token.Span.Start, replacement);
        }

        return text.ToString();
    }

    private static string? ChangeLiteral(string source, Random random)
    {
        var literals = ModelTokens(Root(source)).Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
        return literals.Count == 0 ? null : Replace(source, literals[random.Next(literals.Count)].Span, Literals[random.Next(Literals.Length)]);
    }

    private static string? ChangeFamily(string source, Random random)
    {
        var names = ModelTokens(Root(source)).Where(t => t.IsKind(SyntaxKind.IdentifierToken) && Families.Contains(t.ValueText)).ToList();
        return names.Count == 0 ? null : Replace(source, names[random.Next(names.Count)].Span, Families[random.Next(Families.Length)]);
    }

    private static string? AddMember(string source, Random random)
    {
        var type = Root(source).DescendantNodes().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (type is null || type.CloseBraceToken.IsMissing)
        {
            return null;
        }

        string member = Members[random.Next(Members.Length)].Replace("(M m)", "(" + type.Identifier.Text + " m)", StringComparison.Ordinal);
        return Replace(source, new Microsoft.CodeAnalysis.Text.TextSpan(type.CloseBraceToken.SpanStart, 0), "    " + member + "\n");
    }

    /// <summary>Wraps an expression of a method body in something deeper: parentheses, a constant condition, a loop, a longer sum.</summary>
    private static string? Deepen(string source, Random random)
    {
        var expressions = Root(source).DescendantNodes()
            .OfType<ExpressionSyntax>()
            .Where(e => e.Ancestors().Any(a => a is MethodDeclarationSyntax) && e.Parent is not (MemberAccessExpressionSyntax or InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or ArgumentSyntax { Parent.Parent: ElementAccessExpressionSyntax }))
            .Where(e => e is not (LambdaExpressionSyntax or DeclarationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax))
            .ToList();
        if (expressions.Count == 0)
        {
            return null;
        }

        var expression = expressions[random.Next(expressions.Count)];
        string e = expression.ToString();
        int depth = 1 + random.Next(40);
        string deeper = random.Next(8) switch
        {
            0 => new string('(', depth) + e + new string(')', depth),
            1 => "(1 > 0 ? " + e + " : " + e + ")",
            2 => "Sum(3, k => k == 0 ? 0 : " + e + ")",
            3 => "Sum(2, k => " + e + " * k)",
            4 => "(" + string.Join(" + ", Enumerable.Repeat(e, depth)) + ")",
            5 => "(" + string.Join(" + ", Enumerable.Range(0, depth).Select(k => "0.5 * (" + k + " * " + e + ")")) + ")",
            6 => "(-(" + e + "))",
            _ => "Math.Exp(Math.Log(" + e + "))",
        };
        return Replace(source, expression.Span, deeper);
    }
}
