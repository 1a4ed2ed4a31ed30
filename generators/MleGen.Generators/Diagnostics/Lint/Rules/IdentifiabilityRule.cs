using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>
/// MLE0104: two free scalar parameters (no prior) that only ever appear together as one sum (a + b, a − b)
/// or one product (a·b, a/b): every read of each is a direct term (factor) of a chain that holds the other
/// exactly once, always with the same relative sign (exponent). Then only that combination is identified.
/// <c>B1 * (1 - Math.Exp(-B2 * x))</c> is silent: B2 is not a factor of the chain that holds B1.
/// </summary>
internal static class IdentifiabilityRule
{
    private enum Combination
    {
        Sum,
        Product,
    }

    public static void Analyze(LintContext context)
    {
        var free = new HashSet<string>(
            context.Spec.Parameters.Where(p => p.Shape == ParamShape.Scalar && p.Priors.Count == 0).Select(p => p.Name),
            System.StringComparer.Ordinal);
        if (free.Count < 2)
        {
            return;
        }

        var reads = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var pairs = new Dictionary<(string A, string B, Combination Kind), (int Count, HashSet<int> Relations)>();
        foreach (var likelihood in context.Spec.Likelihoods)
        {
            foreach (var argument in likelihood.Arguments)
            {
                Visit(argument, free, reads, pairs);
            }
        }

        foreach (var entry in pairs.OrderBy(e => e.Key.A, System.StringComparer.Ordinal).ThenBy(e => e.Key.B, System.StringComparer.Ordinal))
        {
            var (a, b, kind) = entry.Key;
            if (entry.Value.Count == reads[a] && entry.Value.Count == reads[b] && entry.Value.Relations.Count == 1)
            {
                bool same = entry.Value.Relations.First() > 0;
                string combination = kind == Combination.Sum ? (same ? "sum" : "difference") : (same ? "product" : "ratio");
                context.Report(
                    DiagnosticDescriptors.UnidentifiableParameters,
                    context.MemberLocation(a),
                    new[] { context.MemberLocation(b) },
                    properties: null,
                    a,
                    b,
                    combination);
                return;
            }
        }
    }

    private static void Visit(
        ExprSpec spec,
        HashSet<string> free,
        Dictionary<string, int> reads,
        Dictionary<(string, string, Combination), (int Count, HashSet<int> Relations)> pairs)
    {
        if (spec is ParamReadSpec { Indices.Count: 0 } read && free.Contains(read.Member))
        {
            reads[read.Member] = reads.TryGetValue(read.Member, out int n) ? n + 1 : 1;
            return;
        }

        bool sum = Chains.IsSum(spec);
        if (sum || Chains.IsProduct(spec))
        {
            var items = sum ? Chains.Terms(spec) : Chains.Factors(spec);
            Record(items, free, pairs, sum ? Combination.Sum : Combination.Product);
            foreach (var item in items)
            {
                Visit(item.Spec, free, reads, pairs);
            }

            return;
        }

        foreach (var child in SpecWalk.Children(spec))
        {
            Visit(child, free, reads, pairs);
        }
    }

    /// <summary>Counts, for every two free parameters that are each exactly once a direct item of the chain, one joint appearance.</summary>
    private static void Record(
        List<ChainItem> items,
        HashSet<string> free,
        Dictionary<(string, string, Combination), (int Count, HashSet<int> Relations)> pairs,
        Combination kind)
    {
        var direct = items
            .Where(item => item.Spec is ParamReadSpec { Indices.Count: 0 } read && free.Contains(read.Member))
            .GroupBy(item => ((ParamReadSpec)item.Spec).Member, System.StringComparer.Ordinal)
            .Where(group => group.Count() == 1)
            .Select(group => (Name: group.Key, group.Single().Sign))
            .OrderBy(x => x.Name, System.StringComparer.Ordinal)
            .ToList();
        for (int x = 0; x < direct.Count; x++)
        {
            for (int y = x + 1; y < direct.Count; y++)
            {
                var key = (direct[x].Name, direct[y].Name, kind);
                if (!pairs.TryGetValue(key, out var entry))
                {
                    entry = (0, new HashSet<int>());
                }

                entry.Relations.Add(direct[x].Sign * direct[y].Sign);
                pairs[key] = (entry.Count + 1, entry.Relations);
            }
        }
    }
}
