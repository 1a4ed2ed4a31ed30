using System.Collections.Generic;
using MleGen.Generators.Common;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Families;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>A parsed family construction: the family and its arguments in constructor order.</summary>
internal sealed record FamilyCall(FamilyKind Family, EquatableArray<ExprSpec> Arguments);

/// <summary>
/// Parses the expression a likelihood returns: <c>new Family(args…)</c>, target-typed <c>new(args…)</c>,
/// <c>CategoricalLogits.Of(K, k => logit)</c>, or a call of a model helper returning one of those (inlined).
/// </summary>
internal sealed class FamilyParser
{
    private readonly ParseContext _context;
    private readonly ExpressionParser _expressions;
    private readonly string _methodName;

    public FamilyParser(ParseContext context, ExpressionParser expressions, string methodName)
    {
        _context = context;
        _expressions = expressions;
        _methodName = methodName;
    }

    public FamilyCall? Parse(ExpressionSyntax node, Scope scope)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        while (node is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized.Expression;
        }

        var model = _context.GetSemanticModel(node.SyntaxTree);
        if (model is null || node.ContainsDiagnostics)
        {
            // A syntax error the compiler reports: nothing reliable to parse.
            _context.Fail();
            return null;
        }

        switch (node)
        {
            case BaseObjectCreationExpressionSyntax creation:
                return ParseCreation(creation, scope, model);
            case InvocationExpressionSyntax invocation:
                return ParseInvocation(invocation, scope, model);
            default:
                return NotAFamily(node);
        }
    }

    private FamilyCall? ParseCreation(BaseObjectCreationExpressionSyntax node, Scope scope, SemanticModel model)
    {
        if (model.GetSymbolInfo(node, _context.CancellationToken).Symbol is not IMethodSymbol constructor)
        {
            _context.Fail();
            return null;
        }

        if (!_context.Types.TryGetFamily(constructor.ContainingType, out var family)
            || family == FamilyKind.CategoricalLogits
            || constructor.Parameters.Length == 0)
        {
            return NotAFamily(node);
        }

        if (node.Initializer is not null)
        {
            _expressions.Unsupported(node.Initializer);
            return null;
        }

        var arguments = _expressions.OrderArguments(node.ArgumentList, constructor);
        if (arguments is null)
        {
            return null;
        }

        var specs = new List<ExprSpec>();
        bool failed = false;
        for (int p = 0; p < arguments.Length; p++)
        {
            var argument = arguments[p];
            var type = constructor.Parameters[p].Type;
            ExprSpec? spec;
            if (argument is null)
            {
                _context.Fail();
                return null;
            }
            else if (type.SpecialType == SpecialType.System_Double)
            {
                spec = _expressions.ParseDouble(argument, scope);
            }
            else if (type.SpecialType == SpecialType.System_Int32)
            {
                spec = _expressions.ParseInt(argument, scope);
            }
            else if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double })
            {
                var member = _expressions.VectorArgument(argument, model, node);
                spec = member is { } m ? new MemberVectorSpec(m.Name, m.IsParameter) : null;
            }
            else
            {
                spec = _expressions.Unsupported(argument);
            }

            failed |= spec is null;
            if (spec is not null)
            {
                specs.Add(spec);
                failed |= !CheckConstant(family, p, argument, model);
            }
        }

        return failed ? null : new FamilyCall(family, specs.ToEquatableArray());
    }

    private FamilyCall? ParseInvocation(InvocationExpressionSyntax node, Scope scope, SemanticModel model)
    {
        if (model.GetSymbolInfo(node, _context.CancellationToken).Symbol is not IMethodSymbol method)
        {
            _context.Fail();
            return null;
        }

        var arguments = _expressions.OrderArguments(node, method);
        if (arguments is null)
        {
            return null;
        }

        if (WellKnownTypes.Is(method.ContainingType, _context.Types.CategoricalLogits) && method is { Name: "Of", IsStatic: true, Parameters.Length: 2 })
        {
            if (arguments[0] is null || arguments[1] is null)
            {
                _context.Fail();
                return null;
            }

            var classes = _expressions.ParseInt(arguments[0]!, scope);
            var logit = _expressions.ParseLambda(arguments[1]!, scope, out var variable);
            if (classes is not null && !CheckConstant(FamilyKind.CategoricalLogits, 0, arguments[0]!, model))
            {
                return null;
            }

            return classes is null || logit is null
                ? null
                : new FamilyCall(FamilyKind.CategoricalLogits, EquatableArray.Create<ExprSpec>(classes, new LambdaSpec(variable, logit)));
        }

        if (_expressions.IsModelHelper(node, method, model) && _context.Types.TryGetFamily(method.ReturnType, out _))
        {
            return _expressions.Inline(node, method, arguments, scope, Parse);
        }

        return NotAFamily(node);
    }

    /// <summary>MLE0018 when a family argument is a compile-time constant outside its domain (<c>new Normal(Mu, -1)</c>); true otherwise.</summary>
    private bool CheckConstant(FamilyKind family, int index, ExpressionSyntax argument, SemanticModel model)
    {
        var domains = ArgumentDomains.Of(family);
        if (index >= domains.Count)
        {
            return true;
        }

        var constant = model.GetConstantValue(argument, _context.CancellationToken);
        double? value = constant.HasValue ? constant.Value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            _ => null,
        } : null;
        if (value is not { } v)
        {
            return true;
        }

        var (name, domain) = domains[index];
        string? requirement = domain switch
        {
            ArgumentDomains.Finite => double.IsNaN(v) || double.IsInfinity(v) ? "finite" : null,
            ArgumentDomains.Positive => v > 0 && !double.IsInfinity(v) ? null : "finite and > 0",
            ArgumentDomains.PositiveOrInfinity => v > 0 ? null : "> 0 (or +∞)",
            ArgumentDomains.NonNegative => v >= 0 && !double.IsInfinity(v) ? null : "finite and ≥ 0",
            ArgumentDomains.Probability => v >= 0 && v <= 1 ? null : "a probability in [0, 1]",
            ArgumentDomains.AtLeastOne => v >= 1 ? null : "at least 1",
            _ => null,
        };
        if (requirement is null)
        {
            return true;
        }

        _context.Report(DiagnosticDescriptors.InvalidConstantArgument, argument, name, family + " in '" + _methodName + "'", PriorArguments.Format(v), requirement);
        return false;
    }

    private FamilyCall? NotAFamily(ExpressionSyntax node)
    {
        _context.Report(
            DiagnosticDescriptors.InvalidLikelihoodShape,
            node,
            _methodName,
            "it must return 'new Family(...)' or 'CategoricalLogits.Of(K, k => ...)', directly or through a helper method, not '" + ExpressionParser.Describe(node) + "'");
        return null;
    }
}
