using System.Collections.Generic;

namespace MleGen.Generators.Ir;

/// <summary>
/// Whether a model is row-local: observation i reads row i of its per-observation data and nothing else that depends on
/// where the row sits — what a cluster fit needs, since each rank holds its rows renumbered from 0. A per-observation
/// member is one some read indexes by i (first index); the model is not row-local when i is used other than as that
/// first index (as a number, <c>X[i - 1]</c>, <c>Mu[i]</c> of a parameter), when a per-observation member is read at
/// another row (<c>X[0]</c>, <c>X[G[i]]</c>), or when its length is read.
/// </summary>
internal static class RowLocality
{
    /// <summary>A description of the first read that breaks row locality, or null for a row-local model.</summary>
    public static string? FirstViolation(ModelIr model)
    {
        var reachable = new List<List<Node>>();
        var perObservation = new HashSet<string>();
        foreach (var term in model.Terms)
        {
            var nodes = Reachable(term.Nll, term.Constant);
            reachable.Add(nodes);
            foreach (var node in nodes)
            {
                if (node.Kind == NodeKind.Data && node.Children.Length > 0 && node.Children[0].Kind == NodeKind.ObservationIndex)
                {
                    perObservation.Add(node.Member);
                }
            }
        }

        for (int t = 0; t < model.Terms.Count; t++)
        {
            var term = model.Terms[t];
            var nodes = reachable[t];
            string where = "likelihood term '" + term.Spec.MethodName + "'";
            foreach (var node in nodes)
            {
                for (int c = 0; c < node.Children.Length; c++)
                {
                    bool rowIndex = node.Kind == NodeKind.Data && c == 0;
                    if (node.Children[c].Kind == NodeKind.ObservationIndex && !rowIndex)
                    {
                        return where + " uses the observation index i other than as the row of its data (as a number, or as an index of a parameter or of a column)";
                    }
                }

                if (node.Kind == NodeKind.Data && perObservation.Contains(node.Member) && node.Children.Length > 0 && node.Children[0].Kind != NodeKind.ObservationIndex)
                {
                    return where + " reads the per-observation data '" + node.Member + "' at a row other than i";
                }

                if (node.Kind == NodeKind.Length && node.Dimension <= 0 && perObservation.Contains(node.Member))
                {
                    return where + " reads the length of the per-observation data '" + node.Member + "'";
                }
            }
        }

        return null;
    }

    /// <summary>Every node reachable from the roots, each once (iterative: expressions may be deep).</summary>
    private static List<Node> Reachable(params Node[] roots)
    {
        var seen = new HashSet<int>();
        var result = new List<Node>();
        var stack = new Stack<Node>(roots);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node.Id))
            {
                continue;
            }

            result.Add(node);
            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        return result;
    }
}
