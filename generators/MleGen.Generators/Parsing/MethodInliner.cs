using System;
using System.Collections.Generic;
using MleGen.Generators.Common;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>
/// Inlining of the model's helper methods and the bodies they share with likelihood methods: an
/// expression body, or a block of local declarations followed by one <c>return</c>. Arguments and
/// locals are substituted as specs; a helper that is already being inlined is recursion (MLE0010).
/// </summary>
internal sealed partial class ExpressionParser
{
    private readonly List<IMethodSymbol> _inlineStack = new();
    private readonly List<SyntaxNode> _callSites = new();

    /// <summary>
    /// Helper calls already inlined, by method and then by (arguments, enclosing lambda variables, inside a ?:
    /// condition): a helper called twice with the same arguments is parsed once and its result shared, so helpers
    /// that each call the next twice stay a DAG (linear work) instead of a tree (2ⁿ parses).
    /// </summary>
    private readonly Dictionary<IMethodSymbol, Dictionary<(EquatableArray<ExprSpec> Arguments, string Lambdas, bool InCondition), ExprSpec?>> _inlined =
        new(SymbolEqualityComparer.Default);

    /// <summary>An ordinary method of the model called as <c>F(…)</c>, <c>this.F(…)</c> or <c>Model.F(…)</c>.</summary>
    internal bool IsModelHelper(InvocationExpressionSyntax node, IMethodSymbol method, SemanticModel model)
    {
        if (method.MethodKind != MethodKind.Ordinary
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, _context.ModelType.OriginalDefinition))
        {
            return false;
        }

        return node.Expression switch
        {
            SimpleNameSyntax => true,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } => true,
            MemberAccessExpressionSyntax access => method.IsStatic
                && model.GetSymbolInfo(access.Expression, _context.CancellationToken).Symbol is INamedTypeSymbol,
            _ => false,
        };
    }

    /// <summary>Inlines a call of a helper returning a value, memoized: the same helper with the same arguments is parsed once.</summary>
    internal ExprSpec? InlineExpression(InvocationExpressionSyntax node, IMethodSymbol method, ExpressionSyntax?[] arguments, Scope callerScope, ScalarType returnType) =>
        Inline(node, method, arguments, callerScope, (body, bodyScope) => ExpectType(body, Parse(body, bodyScope), returnType), memoize: true);

    /// <summary>Inlines a call: arguments are parsed in the caller's scope, the body in a fresh one.</summary>
    internal T? Inline<T>(InvocationExpressionSyntax node, IMethodSymbol method, ExpressionSyntax?[] arguments, Scope callerScope, Func<ExpressionSyntax, Scope, T?> parseReturn, bool memoize = false)
        where T : class
    {
        method = method.PartialImplementationPart ?? method;
        foreach (var frame in _inlineStack)
        {
            if (SymbolEqualityComparer.Default.Equals(frame, method))
            {
                _context.Report(DiagnosticDescriptors.RecursiveHelper, node, method.Name);
                return null;
            }
        }

        var declaration = FindDeclaration(method);
        if (method.IsGenericMethod || declaration is null)
        {
            Unsupported(node);
            return null;
        }

        var scope = new Scope();
        var values = new List<ExprSpec>(method.Parameters.Length);
        bool failed = false;
        for (int p = 0; p < method.Parameters.Length; p++)
        {
            var parameter = method.Parameters[p];
            var expected = ScalarOf(parameter.Type);
            if (parameter.RefKind != RefKind.None || parameter.IsParams || expected is null)
            {
                Unsupported(node);
                return null;
            }

            ExprSpec? value = arguments[p] is { } argument
                ? ExpectType(argument, Parse(argument, callerScope), expected.Value)
                : DefaultValue(parameter, expected.Value);
            failed |= value is null;
            if (value is not null)
            {
                values.Add(value);
            }

            scope.Bind(parameter, value);
        }

        if (failed)
        {
            return null;
        }

        Dictionary<(EquatableArray<ExprSpec>, string, bool), ExprSpec?>? calls = null;
        var key = (values.ToEquatableArray(), string.Join(",", _activeVariables), _condition is not null);
        if (memoize)
        {
            if (!_inlined.TryGetValue(method, out calls))
            {
                calls = new();
                _inlined[method] = calls;
            }
            else if (calls.TryGetValue(key, out var done))
            {
                return done as T;
            }
        }

        _inlineStack.Add(method);
        _callSites.Add(node);
        try
        {
            var result = ParseBody(declaration, scope, parseReturn, onMissingReturn: _context.Fail);
            if (calls is not null)
            {
                calls[key] = result as ExprSpec;
                if (result is ExprSpec named)
                {
                    _context.Names.Add(new NamedSpec(method.Name, named));
                }
            }

            return result;
        }
        finally
        {
            _inlineStack.RemoveAt(_inlineStack.Count - 1);
            _callSites.RemoveAt(_callSites.Count - 1);
        }
    }

    /// <summary>The declaration of <paramref name="method"/> that has a body.</summary>
    internal MethodDeclarationSyntax? FindDeclaration(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_context.CancellationToken) is MethodDeclarationSyntax declaration
                && (declaration.Body is not null || declaration.ExpressionBody is not null))
            {
                return declaration;
            }
        }

        return null;
    }

    /// <summary>
    /// Parses a method body: <c>=> expr</c>, or <c>{ locals…; return expr; }</c>. Locals are bound to their
    /// initializer's spec; the returned expression goes to <paramref name="parseReturn"/>.
    /// </summary>
    internal T? ParseBody<T>(MethodDeclarationSyntax declaration, Scope scope, Func<ExpressionSyntax, Scope, T?> parseReturn, Action onMissingReturn)
        where T : class
    {
        if (declaration.ExpressionBody is { } arrow)
        {
            return parseReturn(arrow.Expression, scope);
        }

        var body = declaration.Body;
        if (body is null)
        {
            onMissingReturn();
            return null;
        }

        var model = _context.GetSemanticModel(declaration.SyntaxTree);
        bool failed = model is null;
        if (model is null)
        {
            _context.Fail();
            return null;
        }

        for (int k = 0; k < body.Statements.Count; k++)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            var statement = body.Statements[k];
            switch (statement)
            {
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    // Uses of a const local fold to constants.
                    break;
                case LocalDeclarationStatementSyntax local when local.UsingKeyword.IsKind(SyntaxKind.None) && local.Modifiers.Count == 0:
                    failed |= !DeclareLocals(local.Declaration, scope, model);
                    break;
                case ReturnStatementSyntax { Expression: { } returned } when k == body.Statements.Count - 1:
                    var result = parseReturn(returned, scope);
                    return failed ? null : result;
                case ReturnStatementSyntax { Expression: null }:
                    _context.Fail();
                    return null;
                default:
                    Unsupported(statement);
                    return null;
            }
        }

        onMissingReturn();
        return null;
    }

    private bool DeclareLocals(VariableDeclarationSyntax declaration, Scope scope, SemanticModel model)
    {
        bool ok = true;
        foreach (var variable in declaration.Variables)
        {
            if (model.GetDeclaredSymbol(variable, _context.CancellationToken) is not ILocalSymbol local)
            {
                _context.Fail();
                ok = false;
                continue;
            }

            var expected = ScalarOf(local.Type);
            if (local.Type.TypeKind == TypeKind.Error)
            {
                _context.Fail();
                scope.Bind(local, null);
                ok = false;
                continue;
            }

            if (variable.Initializer is null || expected is null || local.IsRef)
            {
                Unsupported(variable);
                scope.Bind(local, null);
                ok = false;
                continue;
            }

            var value = ExpectType(variable.Initializer.Value, Parse(variable.Initializer.Value, scope), expected.Value);
            scope.Bind(local, value);
            ok &= value is not null;
            if (value is not null)
            {
                _context.Names.Add(new NamedSpec(local.Name, value));
            }
        }

        return ok;
    }

    private static ScalarType? ScalarOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Double => ScalarType.Double,
        SpecialType.System_Int32 => ScalarType.Int,
        SpecialType.System_Boolean => ScalarType.Bool,
        _ => null,
    };

    private ExprSpec? DefaultValue(IParameterSymbol parameter, ScalarType expected)
    {
        var spec = parameter.ExplicitDefaultValue switch
        {
            int v => new ConstantSpec(v, ScalarType.Int),
            double v => new ConstantSpec(v, ScalarType.Double),
            bool v => new ConstantSpec(v ? 1 : 0, ScalarType.Bool),
            _ => null,
        };
        if (spec is null)
        {
            _context.Fail();
            return null;
        }

        return expected == ScalarType.Double ? SpecFacts.ToDouble(spec) : spec;
    }
}
