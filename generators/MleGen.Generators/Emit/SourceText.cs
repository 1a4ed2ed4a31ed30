using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// An IR node written the way the user writes the model (<c>Math.Log(Exposure[i])</c>, <c>Mu[G[i]]</c>),
/// for the messages of the data checks: it names what failed in the user's terms, never the generated code.
/// </summary>
internal static class SourceText
{
    /// <summary>Nodes of an expression as a tree (shared locals counted at each use) past which it prints as "…".</summary>
    private const int MaxPrintedNodes = 400;

    public static string Of(Node node, IReadOnlyList<VariableInfo> variables) =>
        TreeSize(node, MaxPrintedNodes) <= MaxPrintedNodes ? Text(node, variables) : "…";

    /// <summary>The node count of <paramref name="root"/> as a tree, saturating above <paramref name="limit"/>; linear in its distinct nodes.</summary>
    private static long TreeSize(Node root, long limit)
    {
        var sizes = new Dictionary<Node, long>();
        var stack = new Stack<(Node Node, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (sizes.ContainsKey(node))
            {
                continue;
            }

            if (!expanded)
            {
                stack.Push((node, true));
                foreach (var child in node.Children)
                {
                    stack.Push((child, false));
                }

                continue;
            }

            long size = 1;
            foreach (var child in node.Children)
            {
                size = System.Math.Min(size + sizes[child], limit + 1);
            }

            sizes[node] = size;
        }

        return sizes[root];
    }

    private static string Text(Node node, IReadOnlyList<VariableInfo> variables)
    {
        string C(int k) => Operand(node.Children[k], variables);
        switch (node.Kind)
        {
            case NodeKind.Constant:
                return node.Type switch
                {
                    ScalarType.Bool => node.Value != 0 ? "true" : "false",
                    ScalarType.Int => ((int)node.Value).ToString(NumberFormatInfo.InvariantInfo),
                    _ => node.Value.ToString("R", NumberFormatInfo.InvariantInfo),
                };
            case NodeKind.ObservationIndex:
                return "i";
            case NodeKind.Variable:
                return Name(node.Variable, variables);
            case NodeKind.Data:
            case NodeKind.Param:
                return node.Children.IsEmpty ? node.Member : node.Member + "[" + string.Join(", ", node.Children.Select(c => Text(c, variables))) + "]";
            case NodeKind.Length:
                return node.Dimension < 0 ? node.Member + ".Length" : node.Member + ".GetLength(" + node.Dimension.ToString(NumberFormatInfo.InvariantInfo) + ")";
            case NodeKind.Convert:
                return Text(node.Children[0], variables);
            case NodeKind.Unary:
                return node.UnaryOp switch
                {
                    UnaryOp.Negate => "-" + C(0),
                    UnaryOp.Not => "!" + C(0),
                    UnaryOp.Reciprocal => "1 / " + C(0),
                    UnaryOp.Exp or UnaryOp.Log or UnaryOp.Sqrt or UnaryOp.Tanh or UnaryOp.Sin or UnaryOp.Cos or UnaryOp.Abs or UnaryOp.Sign
                        => "Math." + node.UnaryOp + "(" + Text(node.Children[0], variables) + ")",
                    _ => node.UnaryOp + "(" + Text(node.Children[0], variables) + ")",
                };
            case NodeKind.Binary:
                return node.BinaryOp switch
                {
                    BinaryOp.Pow => "Math.Pow(" + Text(node.Children[0], variables) + ", " + Text(node.Children[1], variables) + ")",
                    _ when IsInfix(node.BinaryOp) => C(0) + " " + Operator(node.BinaryOp) + " " + C(1),
                    _ => node.BinaryOp + "(" + Text(node.Children[0], variables) + ", " + Text(node.Children[1], variables) + ")",
                };
            case NodeKind.Ternary:
                return node.TernaryOp + "(" + string.Join(", ", node.Children.Select(c => Text(c, variables))) + ")";
            case NodeKind.Conditional:
                return C(0) + " ? " + C(1) + " : " + C(2);
            case NodeKind.Reduce:
                return node.Reduction + "(" + Text(node.Count, variables) + ", " + Name(node.Variable, variables) + " => " + Text(node.Body, variables) + ")";
            default:
                throw new System.ArgumentOutOfRangeException(nameof(node), node.Kind, null);
        }
    }

    /// <summary>The node as an operand: infix, prefix and conditional expressions (and negative literals) in parentheses.</summary>
    private static string Operand(Node node, IReadOnlyList<VariableInfo> variables)
    {
        string text = Text(node, variables);
        bool compound = node.Kind switch
        {
            NodeKind.Binary => IsInfix(node.BinaryOp),
            NodeKind.Conditional => true,
            NodeKind.Unary => node.UnaryOp is UnaryOp.Negate or UnaryOp.Not or UnaryOp.Reciprocal,
            NodeKind.Constant => node.Value < 0,
            _ => false,
        };
        return compound ? "(" + text + ")" : text;
    }

    private static bool IsInfix(BinaryOp op) => op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide or BinaryOp.Modulo
        or BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessOrEqual
        or BinaryOp.Greater or BinaryOp.GreaterOrEqual or BinaryOp.And or BinaryOp.Or;

    private static string Name(int variable, IReadOnlyList<VariableInfo> variables) =>
        variable >= 0 && variable < variables.Count && variables[variable].DisplayName.Length > 0 ? variables[variable].DisplayName : "j";

    private static string Operator(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.Modulo => "%",
        BinaryOp.Equal => "==",
        BinaryOp.NotEqual => "!=",
        BinaryOp.Less => "<",
        BinaryOp.LessOrEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterOrEqual => ">=",
        BinaryOp.And => "&&",
        BinaryOp.Or => "||",
        _ => throw new System.ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
