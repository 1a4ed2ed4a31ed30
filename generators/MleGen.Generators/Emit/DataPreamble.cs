using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Ir;

namespace MleGen.Generators.Emit;

/// <summary>
/// The data locals of an evaluation kernel: every <c>[Data]</c> member the method reads, read once at
/// its top (<c>double[,] d_X = this.X;</c>), and at the top of the observation loop the row view of each
/// matrix read as <c>X[i, ·]</c> (<c>r_X</c>). A field read inside the loop would be reloaded after
/// every store into the gradient or the matrix, and a <c>double[,]</c> element costs two bounds checks
/// and the array's bounds reloaded; a row span costs one check against a length in a register.
/// </summary>
internal static class DataPreamble
{
    /// <summary><c>double[,] d_X = this.X;</c> for each data member the <paramref name="roots"/> read.</summary>
    public static void Locals(IndentedWriter w, MemberAccess members, IrBuilder builder, IEnumerable<Node> roots)
    {
        if (!members.DataLocals)
        {
            return;
        }

        foreach (string member in Reads(builder, roots).Where(members.IsData).Distinct().OrderBy(m => m, System.StringComparer.Ordinal))
        {
            w.Line(members.DataType(member) + " " + MemberAccess.DataLocal(member) + " = this." + Identifiers.Escape(member) + ";");
        }
    }

    /// <summary><c>ReadOnlySpan&lt;double&gt; r_X = DataRows.Row(d_X, i);</c> for each matrix the <paramref name="roots"/> read in the observation's row; emitted first in the observation loop.</summary>
    public static void Rows(IndentedWriter w, MemberAccess members, IrBuilder builder, IEnumerable<Node> roots)
    {
        if (!members.DataLocals)
        {
            return;
        }

        var rows = Nodes(builder, roots).Where(MemberAccess.IsRowRead).Select(n => n.Member).Distinct().OrderBy(m => m, System.StringComparer.Ordinal);
        foreach (string member in rows)
        {
            w.Line("global::System.ReadOnlySpan<double> " + MemberAccess.RowLocal(member) + " = global::MleGen.DataRows.Row(" + MemberAccess.DataLocal(member) + ", i);");
        }
    }

    /// <summary>The members read (as data or as a length) by the nodes the roots reach, including loop counts.</summary>
    private static IEnumerable<string> Reads(IrBuilder builder, IEnumerable<Node> roots) =>
        Nodes(builder, roots).Where(n => n.Kind is NodeKind.Data or NodeKind.Length).Select(n => n.Member);

    /// <summary>Every node the <paramref name="roots"/> reach, and the counts of the loops over their variables.</summary>
    private static List<Node> Nodes(IrBuilder builder, IEnumerable<Node> roots)
    {
        var visited = new HashSet<Node>();
        var variables = new HashSet<int>();
        var stack = new Stack<Node>(roots);
        var result = new List<Node>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            result.Add(node);
            foreach (int v in node.FreeVariables.ToArray())
            {
                if (variables.Add(v))
                {
                    stack.Push(builder.CountOf(v));
                }
            }

            if (node.Kind == NodeKind.Reduce && variables.Add(node.Variable))
            {
                stack.Push(builder.CountOf(node.Variable));
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        return result;
    }
}
