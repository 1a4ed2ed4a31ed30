using System.Collections.Generic;
using MleGen.Generators.Common;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>
/// Translates a C# expression of the model language into an <see cref="ExprSpec"/>, reporting anything
/// outside the language at its exact node. One instance per likelihood method: it tracks the helpers
/// being inlined (recursion, call sites), the active lambda variables (fresh names) and ?: conditions.
/// Returns null for an expression that failed; the failure is recorded in the <see cref="ParseContext"/>.
/// </summary>
internal sealed partial class ExpressionParser
{
    private readonly ParseContext _context;
    private readonly List<string> _activeVariables = new();
    private int _depth;

    public ExpressionParser(ParseContext context) => _context = context;

    /// <summary>Parses <paramref name="node"/> and makes an implicit int → double conversion at it explicit.</summary>
    public ExprSpec? Parse(ExpressionSyntax node, Scope scope)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        var model = _context.GetSemanticModel(node.SyntaxTree);
        if (model is null || node.ContainsDiagnostics)
        {
            // A syntax error the compiler reports: nothing reliable to parse.
            _context.Fail();
            return null;
        }

        if (!WithinLimits(node))
        {
            return null;
        }

        ExprSpec? spec;
        _depth++;
        try
        {
            spec = ParseCore(node, scope, model);
        }
        finally
        {
            _depth--;
        }

        if (spec is not null && SpecFacts.TypeOf(spec) == ScalarType.Int
            && model.GetTypeInfo(node, _context.CancellationToken).ConvertedType?.SpecialType == SpecialType.System_Double)
        {
            spec = SpecFacts.ToDouble(spec);
        }

        return spec;
    }

    /// <summary>MLE0019 once the nesting or the work passes <see cref="Limits"/>; after that every parse stops at once.</summary>
    private bool WithinLimits(ExpressionSyntax node)
    {
        if (_context.LimitExceeded)
        {
            return false;
        }

        string? what = _depth >= Limits.MaxDepth ? "deeply nested"
            : ++_context.ParsedExpressions > Limits.MaxParsedExpressions ? "large (expressions parsed, counting each helper call)"
            : null;
        if (what is null)
        {
            return true;
        }

        _context.LimitExceeded = true;
        int limit = _depth >= Limits.MaxDepth ? Limits.MaxDepth : Limits.MaxParsedExpressions;
        _context.Report(DiagnosticDescriptors.ModelTooLarge, node, Describe(node), what, limit);
        return false;
    }

    /// <summary>Parses an expression that must have a double value (converting an int one).</summary>
    public ExprSpec? ParseDouble(ExpressionSyntax node, Scope scope) => ExpectType(node, Parse(node, scope), ScalarType.Double);

    /// <summary>Parses an expression that must have an int value.</summary>
    public ExprSpec? ParseInt(ExpressionSyntax node, Scope scope) => ExpectType(node, Parse(node, scope), ScalarType.Int);

    private ExprSpec? ExpectType(ExpressionSyntax node, ExprSpec? spec, ScalarType expected)
    {
        if (spec is null)
        {
            return null;
        }

        var actual = SpecFacts.TypeOf(spec);
        if (actual == expected)
        {
            return spec;
        }

        if (expected == ScalarType.Double && actual == ScalarType.Int)
        {
            return SpecFacts.ToDouble(spec);
        }

        return Unsupported(node);
    }

    private ExprSpec? ParseCore(ExpressionSyntax node, Scope scope, SemanticModel model)
    {
        var constant = model.GetConstantValue(node, _context.CancellationToken);
        if (constant.HasValue)
        {
            return Constant(node, constant.Value);
        }

        switch (node)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Parse(parenthesized.Expression, scope);
            case IdentifierNameSyntax:
                return ParseName(node, scope, model);
            case MemberAccessExpressionSyntax access:
                return ParseMemberAccess(access, scope, model);
            case ElementAccessExpressionSyntax element:
                return ParseElementAccess(element, scope, model);
            case InvocationExpressionSyntax invocation:
                return ParseInvocation(invocation, scope, model);
            case BinaryExpressionSyntax binary:
                return ParseBinary(binary, scope);
            case PrefixUnaryExpressionSyntax unary:
                return ParseUnary(unary, scope);
            case ConditionalExpressionSyntax conditional:
                return ParseConditional(conditional, scope);
            case CastExpressionSyntax cast:
                return ParseCast(cast, scope, model);
            default:
                return Unsupported(node);
        }
    }

    private ExprSpec? Constant(ExpressionSyntax node, object? value) => value switch
    {
        int v => new ConstantSpec(v, ScalarType.Int),
        short v => new ConstantSpec(v, ScalarType.Int),
        byte v => new ConstantSpec(v, ScalarType.Int),
        sbyte v => new ConstantSpec(v, ScalarType.Int),
        ushort v => new ConstantSpec(v, ScalarType.Int),
        double v => new ConstantSpec(v, ScalarType.Double),
        float v => new ConstantSpec(v, ScalarType.Double),
        bool v => new ConstantSpec(v ? 1 : 0, ScalarType.Bool),
        _ => Unsupported(node),
    };

    /// <summary>An identifier: a parameter or local in scope, or a scalar data or parameter member.</summary>
    private ExprSpec? ParseName(ExpressionSyntax node, Scope scope, SemanticModel model)
    {
        var symbol = model.GetSymbolInfo(node, _context.CancellationToken).Symbol;
        switch (symbol)
        {
            case null:
                _context.Fail();
                return null;
            case IParameterSymbol or ILocalSymbol:
                if (!scope.TryLookup(symbol, out var bound))
                {
                    return Unsupported(node);
                }

                if (bound is not null && SpecFacts.ReadsParameter(bound))
                {
                    CheckParameterInCondition(node);
                }

                return bound;
            case IFieldSymbol or IPropertySymbol:
                return ReadMember(node, symbol, EquatableArray<ExprSpec>.Empty);
            default:
                return Unsupported(node);
        }
    }

    /// <summary><c>this.Member</c> or <c>Member.Length</c>.</summary>
    private ExprSpec? ParseMemberAccess(MemberAccessExpressionSyntax node, Scope scope, SemanticModel model)
    {
        var symbol = model.GetSymbolInfo(node, _context.CancellationToken).Symbol;
        if (symbol is null)
        {
            _context.Fail();
            return null;
        }

        if (node.Expression is ThisExpressionSyntax && symbol is IFieldSymbol or IPropertySymbol)
        {
            return ReadMember(node, symbol, EquatableArray<ExprSpec>.Empty);
        }

        if (symbol is IPropertySymbol { Name: "Length", ContainingType.SpecialType: SpecialType.System_Array }
            && TryGetArrayMember(node.Expression, model, out var name, out _, out _))
        {
            return new LengthSpec(name, -1);
        }

        return Unsupported(node);
    }

    /// <summary><c>X[i]</c> or <c>X[i, j]</c> of a data or parameter member.</summary>
    private ExprSpec? ParseElementAccess(ElementAccessExpressionSyntax node, Scope scope, SemanticModel model)
    {
        var member = MemberSymbol(node.Expression, model);
        if (member is null)
        {
            return Unsupported(node.Expression);
        }

        var indices = new List<ExprSpec>();
        bool failed = false;
        foreach (var argument in node.ArgumentList.Arguments)
        {
            if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None))
            {
                Unsupported(argument);
                failed = true;
                continue;
            }

            var index = ParseInt(argument.Expression, scope);
            failed |= index is null;
            if (index is not null)
            {
                indices.Add(index);
            }
        }

        return failed ? null : ReadMember(node, member, indices.ToEquatableArray());
    }

    /// <summary>Reads a data or parameter member with the given indices; its rank must match.</summary>
    private ExprSpec? ReadMember(ExpressionSyntax node, ISymbol member, EquatableArray<ExprSpec> indices)
    {
        if (_context.Data.TryGetValue(member, out var data))
        {
            var (rank, type) = data.Kind switch
            {
                DataKind.Double => (0, ScalarType.Double),
                DataKind.Int => (0, ScalarType.Int),
                DataKind.DoubleArray => (1, ScalarType.Double),
                DataKind.IntArray => (1, ScalarType.Int),
                DataKind.BoolArray => (1, ScalarType.Bool),
                _ => (2, ScalarType.Double),
            };
            return rank == indices.Count ? new DataReadSpec(data.Name, indices, type) : Unsupported(node);
        }

        if (_context.Parameters.TryGetValue(member, out var parameter))
        {
            int rank = parameter.Shape switch { ParamShape.Scalar => 0, ParamShape.Vector => 1, _ => 2 };
            if (rank != indices.Count)
            {
                return Unsupported(node);
            }

            CheckParameterInCondition(node);
            return new ParamReadSpec(parameter.Name, indices);
        }

        if (IsInvalidModelMember(member))
        {
            // A [Data]/[Param] member that failed its own check: already reported there.
            _context.Fail();
            return null;
        }

        return Unsupported(node);
    }

    private bool IsInvalidModelMember(ISymbol member)
    {
        if (!SymbolEqualityComparer.Default.Equals(member.ContainingType, _context.ModelType))
        {
            return false;
        }

        foreach (var attribute in member.GetAttributes())
        {
            if (WellKnownTypes.Is(attribute.AttributeClass, _context.Types.DataAttribute)
                || WellKnownTypes.Is(attribute.AttributeClass, _context.Types.ParamAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The data or parameter member named by <c>X</c> or <c>this.X</c>, or null.</summary>
    private ISymbol? MemberSymbol(ExpressionSyntax expression, SemanticModel model)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }))
        {
            return null;
        }

        var symbol = model.GetSymbolInfo(expression, _context.CancellationToken).Symbol;
        return symbol is not null && (_context.Data.ContainsKey(symbol) || _context.Parameters.ContainsKey(symbol)) ? symbol : null;
    }

    /// <summary>A whole array member (data or parameter): its name, whether it is a parameter, and its rank.</summary>
    private bool TryGetArrayMember(ExpressionSyntax expression, SemanticModel model, out string name, out bool isParameter, out int rank)
    {
        name = string.Empty;
        isParameter = false;
        rank = 0;
        var symbol = MemberSymbol(expression, model);
        if (symbol is null)
        {
            return false;
        }

        if (_context.Data.TryGetValue(symbol, out var data) && data.Kind is not (DataKind.Double or DataKind.Int))
        {
            name = data.Name;
            rank = data.Kind == DataKind.DoubleMatrix ? 2 : 1;
            return true;
        }

        if (_context.Parameters.TryGetValue(symbol, out var parameter) && parameter.Shape != ParamShape.Scalar)
        {
            name = parameter.Name;
            isParameter = true;
            rank = parameter.Shape == ParamShape.Matrix ? 2 : 1;
            return true;
        }

        return false;
    }

    /// <summary>Reports MLE0008 at <paramref name="node"/> and returns null.</summary>
    internal ExprSpec? Unsupported(SyntaxNode node)
    {
        _context.Report(DiagnosticDescriptors.UnsupportedConstruct, node, Describe(node));
        return null;
    }

    /// <summary>The first line of a node's text, shortened for a message.</summary>
    internal static string Describe(SyntaxNode node)
    {
        var text = node.ToString();
        int newline = text.IndexOfAny(new[] { '\r', '\n' });
        if (newline >= 0)
        {
            text = text.Substring(0, newline).TrimEnd() + " …";
        }

        return text.Length > 80 ? text.Substring(0, 79) + "…" : text;
    }
}
