using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Ir;

namespace MleGen.Generators.Differentiation;

/// <summary>
/// Symbolic reverse-mode differentiation over the IR. The adjoint of every node is itself an IR
/// expression, so the result can be emitted as code, common subexpressions are shared with the
/// forward pass, and differentiating an adjoint again gives exact second derivatives.
/// </summary>
/// <remarks>
/// A node inside a reduction's body may have adjoint contributions that depend on the lambda
/// variable. When such a contribution flows to a node that does not depend on that variable, it is
/// summed over the variable's range (a new <see cref="NodeKind.Reduce"/>); innermost variables first.
/// </remarks>
internal static class ReverseMode
{
    /// <summary>
    /// The gradient of <paramref name="root"/> with respect to θ, as one contribution per parameter
    /// read: θ[read's index] += adjoint, for every value of the read's free lambda variables.
    /// </summary>
    public static IReadOnlyList<GradientContribution> Gradient(IrBuilder b, Node root, Node seed) => Gradient(b, root, seed, VariableSet.Empty);

    /// <summary>
    /// As <see cref="Gradient(IrBuilder, Node, Node)"/> for a root that itself ranges over the lambda
    /// variables <paramref name="outer"/> (bound by loops around it): those are never summed out.
    /// </summary>
    public static IReadOnlyList<GradientContribution> Gradient(IrBuilder b, Node root, Node seed, VariableSet outer)
    {
        var reachable = Reachable(root);
        var guards = Guards.Analyze(b, root);
        var adjoints = new Dictionary<Node, Node> { [root] = seed };
        var result = new List<GradientContribution>();
        foreach (var node in reachable.OrderByDescending(n => n.Id))
        {
            if (!adjoints.TryGetValue(node, out var adjoint) || adjoint.IsConstantValue(0))
            {
                continue;
            }

            var guard = Guards.Restrict(b, guards.TryGetValue(node, out var g) ? g : null, node.FreeVariables.Union(outer));
            if (node.Kind == NodeKind.Param)
            {
                result.Add(new GradientContribution(node, adjoint, guard));
                continue;
            }

            for (int k = 0; k < node.Children.Length; k++)
            {
                var child = node.Children[k];
                if (!child.DependsOnParameters)
                {
                    continue;
                }

                // Under a guard the partial may read out-of-range indices: evaluate it only when the guard holds.
                var contribution = b.Multiply(adjoint, LocalDerivatives.Partial(b, node, k));
                if (guard is not null)
                {
                    contribution = b.Conditional(guard, contribution, b.Constant(0));
                }

                contribution = ReduceToScope(b, contribution, child.FreeVariables.Union(outer));
                adjoints[child] = adjoints.TryGetValue(child, out var existing) ? b.Add(existing, contribution) : contribution;
            }
        }

        result.Sort((x, y) => x.Parameter.Id.CompareTo(y.Parameter.Id));
        return result;
    }

    /// <summary>
    /// Renames the free lambda variables of a contribution to fresh copies (same range), so that the
    /// contribution can be differentiated again, or paired with another, while its own loops are open.
    /// </summary>
    public static GradientContribution RenameApart(IrBuilder b, GradientContribution c)
    {
        return RenameApart(b, c, VariableSet.Empty);
    }

    /// <summary>As <see cref="RenameApart(IrBuilder, GradientContribution)"/>, keeping the variables in <paramref name="keep"/>.</summary>
    public static GradientContribution RenameApart(IrBuilder b, GradientContribution c, VariableSet keep)
    {
        foreach (int variable in c.Parameter.FreeVariables.Except(keep).ToArray())
        {
            var info = b.Variables[variable];
            int fresh = b.NewVariable(info.DisplayName, info.Depth);
            b.SetCount(fresh, b.CountOf(variable));
            c = c.Substitute(b, variable, b.Variable(fresh));
        }

        return c;
    }

    /// <summary>Sums <paramref name="contribution"/> over every lambda variable it has beyond <paramref name="scope"/>, deepest first.</summary>
    private static Node ReduceToScope(IrBuilder b, Node contribution, VariableSet scope)
    {
        var extra = contribution.FreeVariables.Except(scope).ToArray();
        foreach (int variable in extra.OrderByDescending(v => b.Variables[v].Depth).ThenByDescending(v => v))
        {
            contribution = b.Reduce(Specs.ReductionKind.Sum, b.CountOf(variable), variable, contribution);
        }

        return contribution;
    }

    /// <summary>The nodes that depend on θ and can be reached from <paramref name="root"/> through θ-dependent children.</summary>
    private static List<Node> Reachable(Node root)
    {
        var seen = new HashSet<Node>();
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!node.DependsOnParameters || !seen.Add(node))
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

/// <summary>
/// θ[index of <paramref name="Parameter"/>] += <paramref name="Adjoint"/>, for all values of the read's
/// free lambda variables where <paramref name="Guard"/> (if any) holds.
/// </summary>
internal sealed record GradientContribution(Node Parameter, Node Adjoint, Node? Guard = null)
{
    /// <summary>The contribution with a lambda variable replaced everywhere.</summary>
    public GradientContribution Substitute(IrBuilder b, int variable, Node replacement) => new(
        Substitution.Substitute(b, Parameter, variable, replacement),
        Substitution.Substitute(b, Adjoint, variable, replacement),
        Guard is null ? null : Substitution.Substitute(b, Guard, variable, replacement));
}
