using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MleGen.Generators.Specs;

/// <summary>
/// Structural equality of <see cref="ExprSpec"/> DAGs in time linear in their distinct nodes: the composite specs
/// cache their hash at construction (from their children's cached hashes), and two specs are compared iteratively,
/// each pair of nodes once. A record's own equality recurses through every path, which is exponential for a local
/// or a helper result used twice at each of 30 levels — and the incremental pipeline compares every model's spec
/// on every edit.
/// </summary>
internal static class SpecEquality
{
    /// <summary>Combines a kind tag and three field hashes.</summary>
    public static int Hash(int tag, int a, int b, int c)
    {
        unchecked
        {
            int hash = (tag * -1521134295) + a;
            hash = (hash * -1521134295) + b;
            return (hash * -1521134295) + c;
        }
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are the same expression.</summary>
    public static bool Equal(ExprSpec a, ExprSpec? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (b is null || a.GetHashCode() != b.GetHashCode() || !ShallowEqual(a, b))
        {
            return false;
        }

        var seen = new HashSet<(ExprSpec, ExprSpec)>(PairComparer.Instance);
        var pending = new Stack<(ExprSpec, ExprSpec)>();
        PushChildren(a, b, pending);
        while (pending.Count > 0)
        {
            var (x, y) = pending.Pop();
            if (ReferenceEquals(x, y))
            {
                continue;
            }

            if (x.GetHashCode() != y.GetHashCode() || !ShallowEqual(x, y))
            {
                return false;
            }

            if (seen.Add((x, y)))
            {
                PushChildren(x, y, pending);
            }
        }

        return true;
    }

    /// <summary>Same kind and same fields other than the sub-expressions (whose counts match).</summary>
    private static bool ShallowEqual(ExprSpec x, ExprSpec y) => (x, y) switch
    {
        (DataReadSpec p, DataReadSpec q) => p.Member == q.Member && p.Type == q.Type && p.Indices.Count == q.Indices.Count,
        (ParamReadSpec p, ParamReadSpec q) => p.Member == q.Member && p.Indices.Count == q.Indices.Count,
        (ConvertSpec, ConvertSpec) => true,
        (UnarySpec p, UnarySpec q) => p.Op == q.Op && p.Type == q.Type,
        (BinarySpec p, BinarySpec q) => p.Op == q.Op && p.Type == q.Type,
        (ConditionalSpec p, ConditionalSpec q) => p.Type == q.Type,
        (ReductionSpec p, ReductionSpec q) => p.Kind == q.Kind && p.Variable == q.Variable,
        (LambdaSpec p, LambdaSpec q) => p.Variable == q.Variable,

        // The leaves keep their records' own equality.
        _ => !IsComposite(x) && x.Equals(y),
    };

    private static bool IsComposite(ExprSpec spec) =>
        spec is DataReadSpec or ParamReadSpec or ConvertSpec or UnarySpec or BinarySpec or ConditionalSpec or ReductionSpec or LambdaSpec;

    private static void PushChildren(ExprSpec x, ExprSpec y, Stack<(ExprSpec, ExprSpec)> pending)
    {
        switch (x, y)
        {
            case (DataReadSpec p, DataReadSpec q):
                for (int k = 0; k < p.Indices.Count; k++)
                {
                    pending.Push((p.Indices[k], q.Indices[k]));
                }

                break;
            case (ParamReadSpec p, ParamReadSpec q):
                for (int k = 0; k < p.Indices.Count; k++)
                {
                    pending.Push((p.Indices[k], q.Indices[k]));
                }

                break;
            case (ConvertSpec p, ConvertSpec q):
                pending.Push((p.Operand, q.Operand));
                break;
            case (UnarySpec p, UnarySpec q):
                pending.Push((p.Operand, q.Operand));
                break;
            case (BinarySpec p, BinarySpec q):
                pending.Push((p.Right, q.Right));
                pending.Push((p.Left, q.Left));
                break;
            case (ConditionalSpec p, ConditionalSpec q):
                pending.Push((p.WhenFalse, q.WhenFalse));
                pending.Push((p.WhenTrue, q.WhenTrue));
                pending.Push((p.Condition, q.Condition));
                break;
            case (ReductionSpec p, ReductionSpec q):
                pending.Push((p.Body, q.Body));
                pending.Push((p.Count, q.Count));
                break;
            case (LambdaSpec p, LambdaSpec q):
                pending.Push((p.Body, q.Body));
                break;
        }
    }

    private sealed class PairComparer : IEqualityComparer<(ExprSpec, ExprSpec)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((ExprSpec, ExprSpec) x, (ExprSpec, ExprSpec) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((ExprSpec, ExprSpec) pair) =>
            unchecked((RuntimeHelpers.GetHashCode(pair.Item1) * 397) ^ RuntimeHelpers.GetHashCode(pair.Item2));
    }
}
