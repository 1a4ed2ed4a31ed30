using System.Collections.Generic;
using System.Collections.Immutable;

namespace MleGen.Generators.Ir;

/// <summary>Replaces a lambda variable by an expression (used to evaluate a logit lambda at the observed class).</summary>
internal static class Substitution
{
    public static Node Substitute(IrBuilder builder, Node node, int variable, Node replacement)
    {
        var memo = new Dictionary<Node, Node>();
        return Visit(node);

        Node Visit(Node n)
        {
            if (!n.FreeVariables.Contains(variable))
            {
                return n;
            }

            if (memo.TryGetValue(n, out var done))
            {
                return done;
            }

            var children = ImmutableArray.CreateBuilder<Node>(n.Children.Length);
            foreach (var child in n.Children)
            {
                children.Add(Visit(child));
            }

            var c = children.MoveToImmutable();
            var result = n.Kind switch
            {
                NodeKind.Variable => replacement,
                NodeKind.Data => builder.Data(n.Member, n.Type, c),
                NodeKind.Param => builder.Param(n.Member, c),
                NodeKind.Convert => builder.ToDouble(c[0]),
                NodeKind.Unary => builder.Unary(n.UnaryOp, c[0]),
                NodeKind.Binary => builder.Binary(n.BinaryOp, c[0], c[1]),
                NodeKind.Conditional => builder.Conditional(c[0], c[1], c[2]),
                NodeKind.Ternary => builder.Ternary(n.TernaryOp, c[0], c[1], c[2]),
                NodeKind.Reduce => builder.Reduce(n.Reduction, c[0], n.Variable, c[1]),
                _ => n,
            };
            memo[n] = result;
            return result;
        }
    }
}
