using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Intrinsics;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Plan;

/// <summary>
/// One value read from a table over the counts of a chunk: <see cref="Node"/> is f((double)Column[i], a) with a not
/// depending on the observation, computed once per distinct count of the chunk.
/// </summary>
internal sealed class CountTable
{
    public CountTable(Node node, string column)
    {
        Node = node;
        Column = column;
    }

    /// <summary>The tabled node: a <see cref="BinaryIntrinsic.TabledOverCounts"/> op.</summary>
    public Node Node { get; }

    /// <summary>The <c>int[]</c> data member whose element at the observation's row is the first operand.</summary>
    public string Column { get; }

    /// <summary>The count operand, <c>(double)Column[i]</c>.</summary>
    public Node Count => Node.Children[0];

    /// <summary>The operand that does not depend on the observation (φ).</summary>
    public Node Argument => Node.Children[1];
}

/// <summary>
/// Which costly values of a kernel come from per-chunk tables over the counts (issue 12): a
/// <see cref="BinaryIntrinsic.TabledOverCounts"/> op (log Γ(y + φ) − log Γ(φ) and its ψ, ψ′ differences) whose first
/// operand is an <c>int[]</c> data element of the observation's row and whose second reads neither the observation nor
/// a loop variable. In each chunk the kernel finds the counts' range; when it spans at most <see cref="MaxEntries"/>
/// values (and at most a quarter of the chunk's rows) the values are computed once per count, by the same scalar
/// function, into a stack table that the rows read (vector lanes gather from it); otherwise every row computes its own.
/// The table holds the very values the rows would compute, so a result does not depend on whether a chunk used it.
/// </summary>
internal static class CountTablePlan
{
    /// <summary>Entries per table at most: 2 KB of stack each, counts of real count data.</summary>
    public const int MaxEntries = 256;

    /// <summary>Tables per method at most (16 KB of stack); further values are computed per row.</summary>
    public const int MaxTables = 8;

    /// <summary>The tabled values the <paramref name="roots"/> reach, in node order, at most <see cref="MaxTables"/>.</summary>
    public static IReadOnlyList<CountTable> Find(ModelSpec spec, IEnumerable<Node> roots)
    {
        var columns = new HashSet<string>(spec.Data.Where(d => d.Kind == DataKind.IntArray).Select(d => d.Name), System.StringComparer.Ordinal);
        var found = new List<CountTable>();
        var visited = new HashSet<Node>();
        var stack = new Stack<Node>(roots);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.IsLeaf || !visited.Add(node))
            {
                continue;
            }

            if (Column(node, columns) is { } column)
            {
                found.Add(new CountTable(node, column));
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        return found.OrderBy(t => t.Node.Id).Take(MaxTables).ToList();
    }

    /// <summary>The count column of a node the plan tables, or null.</summary>
    private static string? Column(Node node, HashSet<string> columns)
    {
        if (node.Kind != NodeKind.Binary || node.Type != ScalarType.Double || !IntrinsicRegistry.Get(node.BinaryOp).TabledOverCounts)
        {
            return null;
        }

        var count = node.Children[0];
        var argument = node.Children[1];
        if (count.Kind != NodeKind.Convert || count.Children[0] is not { Kind: NodeKind.Data } read
            || read.Children.Length != 1 || read.Children[0].Kind != NodeKind.ObservationIndex || !columns.Contains(read.Member))
        {
            return null;
        }

        // The table is filled before the rows run: the argument must be the same for all of them and cannot throw.
        return argument.Type == ScalarType.Double && !argument.DependsOnObservation && argument.FreeVariables.IsEmpty && CannotThrow(argument)
            ? read.Member
            : null;
    }

    /// <summary>True when evaluating a θ-only node cannot throw: member reads at constant indices only, no integer division.</summary>
    private static bool CannotThrow(Node node)
    {
        var stack = new Stack<Node>();
        var seen = new HashSet<Node>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!seen.Add(n))
            {
                continue;
            }

            bool safe = n.Kind switch
            {
                NodeKind.Data or NodeKind.Param => n.Children.All(c => c.IsConstant),
                NodeKind.Binary => !(n.Type == ScalarType.Int && n.BinaryOp is BinaryOp.Divide or BinaryOp.Modulo),
                NodeKind.Reduce => false,
                _ => true,
            };
            if (!safe)
            {
                return false;
            }

            foreach (var child in n.Children)
            {
                stack.Push(child);
            }
        }

        return true;
    }
}
