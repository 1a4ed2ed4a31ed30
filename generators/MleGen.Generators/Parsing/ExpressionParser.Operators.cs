using MleGen.Generators.Diagnostics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>Operators, ?: and casts, with C#'s typing: int arithmetic stays int, mixed operands convert to double.</summary>
internal sealed partial class ExpressionParser
{
    private int _conditionCallDepth = -1;
    private ExpressionSyntax? _condition;

    private ExprSpec? ParseBinary(BinaryExpressionSyntax node, Scope scope)
    {
        BinaryOp? op = node.Kind() switch
        {
            SyntaxKind.AddExpression => BinaryOp.Add,
            SyntaxKind.SubtractExpression => BinaryOp.Subtract,
            SyntaxKind.MultiplyExpression => BinaryOp.Multiply,
            SyntaxKind.DivideExpression => BinaryOp.Divide,
            SyntaxKind.ModuloExpression => BinaryOp.Modulo,
            SyntaxKind.EqualsExpression => BinaryOp.Equal,
            SyntaxKind.NotEqualsExpression => BinaryOp.NotEqual,
            SyntaxKind.LessThanExpression => BinaryOp.Less,
            SyntaxKind.LessThanOrEqualExpression => BinaryOp.LessOrEqual,
            SyntaxKind.GreaterThanExpression => BinaryOp.Greater,
            SyntaxKind.GreaterThanOrEqualExpression => BinaryOp.GreaterOrEqual,
            SyntaxKind.LogicalAndExpression => BinaryOp.And,
            SyntaxKind.LogicalOrExpression => BinaryOp.Or,
            _ => null,
        };
        if (op is null)
        {
            return Unsupported(node);
        }

        var left = Parse(node.Left, scope);
        var right = Parse(node.Right, scope);
        if (left is null || right is null)
        {
            return null;
        }

        var leftType = SpecFacts.TypeOf(left);
        var rightType = SpecFacts.TypeOf(right);
        if (leftType is null || rightType is null)
        {
            return Unsupported(leftType is null ? node.Left : node.Right);
        }

        switch (op.Value)
        {
            case BinaryOp.And or BinaryOp.Or:
                if (leftType != ScalarType.Bool || rightType != ScalarType.Bool)
                {
                    return Unsupported(node);
                }

                return new BinarySpec(op.Value, left, right, ScalarType.Bool);
            case BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual:
                if ((leftType == ScalarType.Bool) != (rightType == ScalarType.Bool)
                    || (leftType == ScalarType.Bool && op.Value is not (BinaryOp.Equal or BinaryOp.NotEqual)))
                {
                    return Unsupported(node);
                }

                (left, right) = Promote(left, right, leftType.Value, rightType.Value);
                return new BinarySpec(op.Value, left, right, ScalarType.Bool);
            default:
                if (leftType == ScalarType.Bool || rightType == ScalarType.Bool)
                {
                    return Unsupported(node);
                }

                (left, right) = Promote(left, right, leftType.Value, rightType.Value);
                var type = leftType == ScalarType.Int && rightType == ScalarType.Int ? ScalarType.Int : ScalarType.Double;
                return new BinarySpec(op.Value, left, right, type);
        }
    }

    /// <summary>Converts the int side of a mixed int/double pair to double.</summary>
    private static (ExprSpec Left, ExprSpec Right) Promote(ExprSpec left, ExprSpec right, ScalarType leftType, ScalarType rightType) =>
        leftType == ScalarType.Double || rightType == ScalarType.Double
            ? (SpecFacts.ToDouble(left), SpecFacts.ToDouble(right))
            : (left, right);

    private ExprSpec? ParseUnary(PrefixUnaryExpressionSyntax node, Scope scope)
    {
        var kind = node.Kind();
        if (kind is not (SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression or SyntaxKind.LogicalNotExpression))
        {
            return Unsupported(node);
        }

        var operand = Parse(node.Operand, scope);
        if (operand is null)
        {
            return null;
        }

        var type = SpecFacts.TypeOf(operand);
        if (type is null || (type == ScalarType.Bool) != (kind == SyntaxKind.LogicalNotExpression))
        {
            return Unsupported(node);
        }

        return kind switch
        {
            SyntaxKind.UnaryPlusExpression => operand,
            SyntaxKind.UnaryMinusExpression => new UnarySpec(UnaryOp.Negate, operand, type.Value),
            _ => new UnarySpec(UnaryOp.Not, operand, ScalarType.Bool),
        };
    }

    /// <summary><c>c ? a : b</c>; the condition may read data, constants and indices, never a parameter.</summary>
    private ExprSpec? ParseConditional(ConditionalExpressionSyntax node, Scope scope)
    {
        var outerDepth = _conditionCallDepth;
        var outerCondition = _condition;
        if (_condition is null)
        {
            _conditionCallDepth = _callSites.Count;
            _condition = node.Condition;
        }

        var condition = Parse(node.Condition, scope);
        _conditionCallDepth = outerDepth;
        _condition = outerCondition;

        var whenTrue = Parse(node.WhenTrue, scope);
        var whenFalse = Parse(node.WhenFalse, scope);
        if (condition is null || whenTrue is null || whenFalse is null)
        {
            return null;
        }

        if (SpecFacts.TypeOf(condition) != ScalarType.Bool)
        {
            return Unsupported(node.Condition);
        }

        var trueType = SpecFacts.TypeOf(whenTrue);
        var falseType = SpecFacts.TypeOf(whenFalse);
        if (trueType is null || falseType is null || (trueType == ScalarType.Bool) != (falseType == ScalarType.Bool))
        {
            return Unsupported(node);
        }

        (whenTrue, whenFalse) = Promote(whenTrue, whenFalse, trueType.Value, falseType.Value);
        var type = trueType == falseType ? trueType.Value : ScalarType.Double;
        return new ConditionalSpec(condition, whenTrue, whenFalse, type);
    }

    /// <summary>Inside a ?: condition, a parameter read is MLE0009: at the read, or at the call made from the condition that led to it.</summary>
    private void CheckParameterInCondition(SyntaxNode node)
    {
        if (_condition is null)
        {
            return;
        }

        var at = _callSites.Count > _conditionCallDepth ? _callSites[_conditionCallDepth] : node;
        _context.Report(DiagnosticDescriptors.ParameterInCondition, at, Describe(_condition));
    }

    /// <summary><c>(double)x</c> is a conversion; other casts are not supported.</summary>
    private ExprSpec? ParseCast(CastExpressionSyntax node, Scope scope, SemanticModel model)
    {
        var target = model.GetTypeInfo(node.Type, _context.CancellationToken).Type;
        if (target is null || target.TypeKind == TypeKind.Error)
        {
            _context.Fail();
            return null;
        }

        if (target.SpecialType != SpecialType.System_Double)
        {
            return Unsupported(node);
        }

        var operand = Parse(node.Expression, scope);
        if (operand is null)
        {
            return null;
        }

        return SpecFacts.TypeOf(operand) is ScalarType.Int or ScalarType.Double ? SpecFacts.ToDouble(operand) : Unsupported(node);
    }
}
