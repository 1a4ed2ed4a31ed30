using System.Collections.Generic;
using MleGen.Generators.Common;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Intrinsics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>Calls: <c>Math</c> intrinsics, the <c>MleGen.Functions</c> helpers, <c>GetLength</c> and model helpers (inlined).</summary>
internal sealed partial class ExpressionParser
{
    private const string VectorMember = "a double[] data or parameter member";
    private const string MatrixMember = "a double[,] data or parameter member";

    private ExprSpec? ParseInvocation(InvocationExpressionSyntax node, Scope scope, SemanticModel model)
    {
        if (model.GetSymbolInfo(node, _context.CancellationToken).Symbol is not IMethodSymbol method)
        {
            // No single method: overload resolution failed, which the compiler reports.
            _context.Fail();
            return null;
        }

        var arguments = OrderArguments(node, method);
        if (arguments is null)
        {
            return null;
        }

        if (IsModelHelper(node, method, model))
        {
            var returnType = ScalarOf(method.ReturnType);
            return returnType is null
                ? Unsupported(node)
                : InlineExpression(node, method, arguments, scope, returnType.Value);
        }

        if (System.Array.IndexOf(arguments, null) >= 0)
        {
            return Unsupported(node);
        }

        if (WellKnownTypes.Is(method.ContainingType, _context.Types.Math))
        {
            return ParseMath(node, method, arguments, scope);
        }

        if (WellKnownTypes.Is(method.ContainingType, _context.Types.Functions))
        {
            return ParseFunction(node, method, arguments, scope, model);
        }

        if (method is { Name: "GetLength", ContainingType.SpecialType: SpecialType.System_Array }
            && node.Expression is MemberAccessExpressionSyntax access
            && TryGetArrayMember(access.Expression, model, out var name, out _, out var rank))
        {
            var dimension = model.GetConstantValue(arguments[0]!, _context.CancellationToken);
            return dimension is { HasValue: true, Value: int d } && d >= 0 && d < rank ? new LengthSpec(name, d) : Unsupported(arguments[0]!);
        }

        return Unsupported(node);
    }

    private ExprSpec? ParseMath(InvocationExpressionSyntax node, IMethodSymbol method, ExpressionSyntax?[] arguments, Scope scope)
    {
        bool allDouble = true;
        foreach (var parameter in method.Parameters)
        {
            allDouble &= parameter.Type.SpecialType == SpecialType.System_Double;
        }

        // The Math methods of the language are the Math entries of the intrinsic registry (one double argument, or Pow).
        UnaryOp? unary = IntrinsicRegistry.TryParseUnary(IntrinsicSource.Math, method.Name, out var mathOp) ? mathOp : null;
        if (unary is not null && method.Parameters.Length == 1)
        {
            if (unary == UnaryOp.Abs && method.Parameters[0].Type.SpecialType == SpecialType.System_Int32)
            {
                var intOperand = ParseInt(arguments[0]!, scope);
                return intOperand is null ? null : new UnarySpec(UnaryOp.Abs, intOperand, ScalarType.Int);
            }

            if (allDouble)
            {
                var operand = ParseDouble(arguments[0]!, scope);
                return operand is null ? null : new UnarySpec(unary.Value, operand, ScalarType.Double);
            }
        }

        if (IntrinsicRegistry.TryParseBinary(IntrinsicSource.Math, method.Name, out var binary) && method.Parameters.Length == 2 && allDouble)
        {
            return Binary(binary, arguments[0]!, arguments[1]!, scope);
        }

        return Unsupported(node);
    }

    private ExprSpec? ParseFunction(InvocationExpressionSyntax node, IMethodSymbol method, ExpressionSyntax?[] arguments, Scope scope, SemanticModel model)
    {
        var parameters = method.Parameters;
        // The scalar helpers are the Functions entries of the intrinsic registry; Sum, LogSumExp over a lambda and Dot are reductions.
        UnaryOp? unary = IntrinsicRegistry.TryParseUnary(IntrinsicSource.Functions, method.Name, out var functionOp) ? functionOp : null;
        if (unary is not null && parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_Double)
        {
            var operand = ParseDouble(arguments[0]!, scope);
            return operand is null ? null : new UnarySpec(unary.Value, operand, ScalarType.Double);
        }

        bool firstIsInt = parameters.Length > 0 && parameters[0].Type.SpecialType == SpecialType.System_Int32;
        if (!firstIsInt && parameters.Length == 2 && IntrinsicRegistry.TryParseBinary(IntrinsicSource.Functions, method.Name, out var binary))
        {
            return Binary(binary, arguments[0]!, arguments[1]!, scope);
        }

        switch (method.Name)
        {
            case "Sum" or "LogSumExp" when parameters.Length == 2 && firstIsInt:
                var count = ParseInt(arguments[0]!, scope);
                var lambda = ParseLambda(arguments[1]!, scope, out var variable);
                return count is null || lambda is null
                    ? null
                    : new ReductionSpec(method.Name == "Sum" ? ReductionKind.Sum : ReductionKind.LogSumExp, count, variable, lambda);
            case "Dot" when parameters.Length is 2 or 3:
                return ParseDot(node, arguments, scope, model);
            default:
                return Unsupported(node);
        }
    }

    /// <summary><c>Dot(beta, X, i)</c> = Σⱼ beta[j]·X[i, j] and <c>Dot(a, b)</c> = Σⱼ a[j]·b[j], over j &lt; beta.Length.</summary>
    private ExprSpec? ParseDot(InvocationExpressionSyntax node, ExpressionSyntax?[] arguments, Scope scope, SemanticModel model)
    {
        bool matrixForm = arguments.Length == 3;
        var first = VectorArgument(arguments[0]!, model, node);
        var second = matrixForm ? MatrixArgument(arguments[1]!, model, node) : VectorArgument(arguments[1]!, model, node);
        var row = matrixForm ? ParseInt(arguments[2]!, scope) : null;
        if (first is null || second is null || (matrixForm && row is null))
        {
            return null;
        }

        if (first.Value.IsParameter || second.Value.IsParameter)
        {
            CheckParameterInCondition(node);
        }

        var variable = FreshName("__j");
        var j = new VariableSpec(variable);
        var left = Element(first.Value, EquatableArray.Create<ExprSpec>(j));
        var right = Element(second.Value, matrixForm ? EquatableArray.Create(row!, j) : EquatableArray.Create<ExprSpec>(j));
        return new ReductionSpec(
            ReductionKind.Sum,
            new LengthSpec(first.Value.Name, -1),
            variable,
            new BinarySpec(BinaryOp.Multiply, left, right, ScalarType.Double));
    }

    private static ExprSpec Element((string Name, bool IsParameter) member, EquatableArray<ExprSpec> indices) =>
        member.IsParameter ? new ParamReadSpec(member.Name, indices) : new DataReadSpec(member.Name, indices, ScalarType.Double);

    /// <summary>A whole <c>double[]</c> member argument, or MLE0013 at it.</summary>
    internal (string Name, bool IsParameter)? VectorArgument(ExpressionSyntax argument, SemanticModel model, SyntaxNode call) =>
        WholeMember(argument, model, call, DataKind.DoubleArray, ParamShape.Vector, VectorMember);

    private (string Name, bool IsParameter)? MatrixArgument(ExpressionSyntax argument, SemanticModel model, SyntaxNode call) =>
        WholeMember(argument, model, call, DataKind.DoubleMatrix, ParamShape.Matrix, MatrixMember);

    private (string Name, bool IsParameter)? WholeMember(ExpressionSyntax argument, SemanticModel model, SyntaxNode call, DataKind dataKind, ParamShape shape, string expected)
    {
        var symbol = MemberSymbol(argument, model);
        if (symbol is not null && _context.Data.TryGetValue(symbol, out var data) && data.Kind == dataKind)
        {
            return (data.Name, false);
        }

        if (symbol is not null && _context.Parameters.TryGetValue(symbol, out var parameter) && parameter.Shape == shape)
        {
            return (parameter.Name, true);
        }

        if (model.GetSymbolInfo(argument, _context.CancellationToken).Symbol is { } argumentSymbol && IsInvalidModelMember(argumentSymbol))
        {
            _context.Fail();
            return null;
        }

        _context.Report(DiagnosticDescriptors.InvalidFamilyArgument, argument, Describe(argument), CalleeName(call), expected);
        return null;
    }

    private static string CalleeName(SyntaxNode call) => call switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: SimpleNameSyntax name } => name.Identifier.ValueText,
        ObjectCreationExpressionSyntax creation => creation.Type.ToString(),
        _ => Describe(call),
    };

    private ExprSpec? Binary(BinaryOp op, ExpressionSyntax left, ExpressionSyntax right, Scope scope)
    {
        var a = ParseDouble(left, scope);
        var b = ParseDouble(right, scope);
        return a is null || b is null ? null : new BinarySpec(op, a, b, ScalarType.Double);
    }

    /// <summary>
    /// A lambda <c>j => body</c> with one int parameter and an expression body; binds j to a variable whose
    /// name is fresh among the enclosing lambda variables (so inlining never captures), parses the body as a double.
    /// </summary>
    internal ExprSpec? ParseLambda(ExpressionSyntax argument, Scope scope, out string variable)
    {
        variable = string.Empty;
        ParameterSyntax? parameterSyntax = argument switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0],
            _ => null,
        };
        var lambda = argument as LambdaExpressionSyntax;
        if (parameterSyntax is null || lambda is null || lambda.ExpressionBody is null || lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
        {
            Unsupported(argument);
            return null;
        }

        var model = _context.GetSemanticModel(argument.SyntaxTree);
        if (model?.GetDeclaredSymbol(parameterSyntax, _context.CancellationToken) is not IParameterSymbol parameter)
        {
            _context.Fail();
            return null;
        }

        variable = FreshName(parameter.Name);
        var lambdaScope = new Scope(scope);
        lambdaScope.Bind(parameter, new VariableSpec(variable));
        _activeVariables.Add(variable);
        try
        {
            return ParseDouble(lambda.ExpressionBody, lambdaScope);
        }
        finally
        {
            _activeVariables.RemoveAt(_activeVariables.Count - 1);
        }
    }

    /// <summary><paramref name="preferred"/> unless an enclosing lambda variable has that name; then <c>preferred + depth</c>, made unique.</summary>
    private string FreshName(string preferred)
    {
        if (!preferred.StartsWith("__", System.StringComparison.Ordinal) && !_activeVariables.Contains(preferred))
        {
            return preferred;
        }

        var stem = preferred.StartsWith("__", System.StringComparison.Ordinal) ? preferred : "__" + preferred;
        for (int k = _activeVariables.Count; ; k++)
        {
            var name = stem + k.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
            if (!_activeVariables.Contains(name))
            {
                return name;
            }
        }
    }

    /// <summary>The call's argument expressions in parameter order (named arguments placed, defaults left null); null on ref/out/params.</summary>
    internal ExpressionSyntax?[]? OrderArguments(InvocationExpressionSyntax node, IMethodSymbol method) =>
        OrderArguments(node.ArgumentList, method);

    internal ExpressionSyntax?[]? OrderArguments(ArgumentListSyntax? list, IMethodSymbol method)
    {
        var ordered = new ExpressionSyntax?[method.Parameters.Length];
        if (list is null)
        {
            return ordered;
        }

        for (int k = 0; k < list.Arguments.Count; k++)
        {
            var argument = list.Arguments[k];
            int index = k;
            if (argument.NameColon is { } nameColon)
            {
                index = -1;
                for (int p = 0; p < method.Parameters.Length; p++)
                {
                    if (method.Parameters[p].Name == nameColon.Name.Identifier.ValueText)
                    {
                        index = p;
                    }
                }
            }

            if (index >= 0 && index < ordered.Length && method.Parameters[index].IsParams)
            {
                // A params array is valid C#: say that the model language has no arrays of expressions.
                Unsupported(argument);
                return null;
            }

            if (index < 0 || index >= ordered.Length || ordered[index] is not null)
            {
                _context.Fail();
                return null;
            }

            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                Unsupported(argument);
                return null;
            }

            ordered[index] = argument.Expression;
        }

        for (int p = 0; p < ordered.Length; p++)
        {
            if (ordered[p] is null && !method.Parameters[p].HasExplicitDefaultValue)
            {
                _context.Fail();
                return null;
            }
        }

        return ordered;
    }
}
