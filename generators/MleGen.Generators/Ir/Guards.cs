using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Ir;

/// <summary>
/// The branch conditions that dominate each node of a DAG: a node only reachable through the
/// <c>true</c> branch of <c>c ? a : b</c> is only meaningful when c holds (its indices may be out of
/// range otherwise, e.g. <c>W[k - 1, j]</c> under <c>k == 0 ? 0 : …</c>). Derivative code and
/// gradient scatters of such a node are guarded by the same conditions.
/// </summary>
internal static class Guards
{
    /// <summary>For every node reachable from <paramref name="root"/>, the conjunction of the branch conditions on every path to it, or null when unguarded.</summary>
    public static Dictionary<Node, Node?> Analyze(IrBuilder b, Node root)
    {
        var conditions = new Dictionary<Node, HashSet<(Node Condition, bool Value)>>();
        conditions[root] = new HashSet<(Node, bool)>();
        foreach (var node in Reachable(root).OrderByDescending(n => n.Id))
        {
            if (!conditions.TryGetValue(node, out var own))
            {
                continue;
            }

            for (int k = 0; k < node.Children.Length; k++)
            {
                var child = node.Children[k];
                var reaching = new HashSet<(Node, bool)>(own);
                if (node.Kind == NodeKind.Conditional && k > 0 && node.Children[1] != node.Children[2])
                {
                    reaching.Add((node.Children[0], k == 1));
                }

                if (conditions.TryGetValue(child, out var existing))
                {
                    existing.IntersectWith(reaching);
                }
                else
                {
                    conditions[child] = reaching;
                }
            }
        }

        var result = new Dictionary<Node, Node?>();
        foreach (var pair in conditions)
        {
            result[pair.Key] = Conjunction(b, pair.Value);
        }

        return result;
    }

    /// <summary>c₁ ∧ c₂ ∧ …, in a deterministic order; null for none.</summary>
    public static Node? Conjunction(IrBuilder b, IEnumerable<(Node Condition, bool Value)> conditions)
    {
        Node? result = null;
        foreach (var (condition, value) in conditions.OrderBy(c => c.Condition.Id).ThenBy(c => c.Value))
        {
            var term = value ? condition : b.Unary(UnaryOp.Not, condition);
            result = result is null ? term : b.Binary(BinaryOp.And, result, term);
        }

        return result;
    }

    /// <summary>
    /// The conjuncts of <paramref name="guard"/> that range only over <paramref name="scope"/>: a node shared by every
    /// value of a lambda variable it does not depend on (<c>Beta * X[i]</c> under <c>k == 0 ? 0 : …</c>) is evaluated
    /// once, outside that variable's loop, where a condition on the variable means nothing; its own indices never
    /// depend on that variable, so only the conditions on its own variables protect them.
    /// </summary>
    public static Node? Restrict(IrBuilder b, Node? guard, VariableSet scope)
    {
        if (guard is null || guard.FreeVariables.Except(scope).IsEmpty)
        {
            return guard;
        }

        Node? kept = null;
        var stack = new Stack<Node>();
        stack.Push(guard);
        var conjuncts = new List<Node>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Kind == NodeKind.Binary && node.BinaryOp == BinaryOp.And)
            {
                stack.Push(node.Children[1]);
                stack.Push(node.Children[0]);
            }
            else
            {
                conjuncts.Add(node);
            }
        }

        foreach (var conjunct in conjuncts)
        {
            if (conjunct.FreeVariables.Except(scope).IsEmpty)
            {
                kept = And(b, kept, conjunct);
            }
        }

        return kept;
    }

    /// <summary>Both guards (either may be null).</summary>
    public static Node? And(IrBuilder b, Node? x, Node? y) => x is null ? y : y is null ? x : b.Binary(BinaryOp.And, x, y);

    private static List<Node> Reachable(Node root)
    {
        var seen = new HashSet<Node>();
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        return seen.ToList();
    }
}
