using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Plan;

/// <summary>
/// An information entry written as X[i, a]·Z[i, b]·s (or X[i, a]·s against a fixed element), s free of the entry's loop
/// variables, when the differentiator left the row elements inside a sum: the negative binomial's Beta·Beta Hessian
/// entry is x_a·(exp η·(g₁·x_b + sel(−g₂·x_b·…) + …)), linear in x_b but not a product with it. The vector information
/// kernels turn such an entry into one rank-W (or row) update per block with the per-observation scale s, where the
/// scalar kernel recomputes the whole expression for every element pair. s is the value with the row element replaced
/// by 1 (exact algebra: the value is homogeneous of degree one in it); its rounding differs from the expanded form's in
/// the last bits, like every other difference between the two paths.
/// </summary>
internal static class RowFactors
{
    /// <summary>
    /// The entry's row and column elements and its scale s, or null when the value is not of that shape:
    /// <paramref name="rowElement"/> says whether a node is the row element X[i, v] of loop variable v.
    /// </summary>
    public static RowProduct? Factor(IrBuilder b, MatrixEntry entry, System.Func<Node, int, bool> rowElement)
    {
        var r = entry.Row.Parameter;
        var c = entry.Column.Parameter;
        int a = IndexVariable(r), v = IndexVariable(c);
        if ((a < 0 && !r.FreeVariables.IsEmpty) || (v < 0 && !c.FreeVariables.IsEmpty) || (a >= 0 && a == v) || (a < 0 && v < 0))
        {
            return null;
        }

        Node? scale = entry.Value, row = null, column = null;
        if (a >= 0)
        {
            row = Element(scale, a, rowElement);
            scale = row is null ? null : Coefficient(b, scale, row, a);
        }

        if (v >= 0 && scale is not null)
        {
            column = Element(scale, v, rowElement);
            scale = column is null ? null : Coefficient(b, scale, column, v);
        }

        return scale is null || !scale.FreeVariables.IsEmpty ? null : new RowProduct(row, column, scale);
    }

    /// <summary>The loop variable of a parameter read Beta[v], or −1 for any other read.</summary>
    private static int IndexVariable(Node parameter) =>
        parameter.Children.Length == 1 && parameter.Children[0].Kind == NodeKind.Variable ? parameter.Children[0].Variable : -1;

    /// <summary>The one row element of <paramref name="variable"/> that <paramref name="value"/> reads, or null.</summary>
    private static Node? Element(Node value, int variable, System.Func<Node, int, bool> rowElement)
    {
        Node? found = null;
        var seen = new HashSet<Node>();
        var stack = new Stack<Node>();
        stack.Push(value);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!n.FreeVariables.Contains(variable) || !seen.Add(n))
            {
                continue;
            }

            if (rowElement(n, variable))
            {
                if (found is not null && found != n)
                {
                    return null;
                }

                found = n;
                continue;
            }

            foreach (var child in n.Children)
            {
                stack.Push(child);
            }
        }

        return found;
    }

    /// <summary>
    /// s with <paramref name="value"/> = <paramref name="element"/>·s and s free of <paramref name="variable"/>, or null
    /// when the value is not homogeneous of degree one in the element (through products with factors free of it, sums and
    /// differences of such terms, negations, divisions by factors free of it, and <c>c ? t : f</c> with c free of it and
    /// each branch such a term or 0).
    /// </summary>
    public static Node? Coefficient(IrBuilder b, Node value, Node element, int variable)
    {
        var memo = new Dictionary<Node, Node?>();
        return Linear(value);

        bool Free(Node n) => !n.FreeVariables.Contains(variable);

        Node? Linear(Node n)
        {
            if (n == element)
            {
                return b.Constant(1);
            }

            if (Free(n))
            {
                return null;
            }

            if (memo.TryGetValue(n, out var done))
            {
                return done;
            }

            Node? result = null;
            switch (n.Kind)
            {
                case NodeKind.Unary when n.UnaryOp == UnaryOp.Negate:
                    result = Linear(n.Children[0]) is { } negated ? b.Negate(negated) : null;
                    break;
                case NodeKind.Binary when n.BinaryOp == BinaryOp.Multiply:
                {
                    var (x, y) = (n.Children[0], n.Children[1]);
                    result = Free(x) ? Times(x, Linear(y)) : Free(y) ? Times(y, Linear(x)) : null;
                    break;
                }

                case NodeKind.Binary when n.BinaryOp == BinaryOp.Divide:
                    result = Free(n.Children[1]) && Linear(n.Children[0]) is { } numerator ? b.Divide(numerator, n.Children[1]) : null;
                    break;
                case NodeKind.Binary when n.BinaryOp is BinaryOp.Add or BinaryOp.Subtract:
                {
                    var x = Linear(n.Children[0]);
                    var y = Linear(n.Children[1]);
                    result = x is null || y is null ? null : b.Binary(n.BinaryOp, x, y);
                    break;
                }

                case NodeKind.Conditional when Free(n.Children[0]):
                {
                    var x = Branch(n.Children[1]);
                    var y = Branch(n.Children[2]);
                    result = x is null || y is null ? null : b.Conditional(n.Children[0], x, y);
                    break;
                }
            }

            memo[n] = result;
            return result;
        }

        Node? Branch(Node n) => n.IsConstantValue(0) ? n : Linear(n);

        // The free factor first, as the expanded form multiplies (x·(y·e) keeps x·y's order of operands).
        Node? Times(Node free, Node? linear) => linear is null ? null : b.Multiply(free, linear);
    }
}

/// <summary>An entry as <see cref="Row"/>·<see cref="Column"/>·<see cref="Scale"/> (a null element: a fixed parameter on that side).</summary>
internal sealed record RowProduct(Node? Row, Node? Column, Node Scale);
