using System.Collections.Generic;
using MleGen.Generators.Diagnostics.Lint;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Parsing;

/// <summary>
/// The generator's limits (MLE0019), checked while parsing so every later stage (inlining, lowering, derivatives,
/// emission, the incremental pipeline's spec comparisons) works on bounded trees: bounded stack, even on a 1 MB
/// thread, and bounded time.
/// </summary>
internal static class Limits
{
    /// <summary>
    /// Nesting of expressions, counting a helper's body one level below its call: a sum of 20,000 terms is a tree
    /// 20,000 deep, which the derivative code would nest further (C# compilers stop at a few thousand, CS8078).
    /// </summary>
    public const int MaxDepth = 200;

    /// <summary>Expressions parsed for one model, counting a helper once per distinct call (same helper, same arguments: parsed once).</summary>
    public const int MaxParsedExpressions = 20_000;

    /// <summary>
    /// Entries of the second-derivative matrices (the exact Hessian, the expected information) that the generated code
    /// writes out one by one: scalar parameters that all interact give p(p + 1)/2 of them per observation. 2,080 is 64
    /// such parameters (about 0.5 MB of source, a few seconds of compilation); 100 gave 1.2 MB and 16 s, 500 would give
    /// 30 MB. A vector parameter read in a loop (<c>Dot</c>, <c>Sum</c>) is one entry with its own loops.
    /// </summary>
    public const int MaxMatrixEntries = 2_080;

    /// <summary>
    /// Size of an expression with every shared local and helper result counted at each use, past which the stages
    /// that read expressions as trees (the statistical lint, the GLM shape, the printed description) skip it. The
    /// compiler itself works on the DAG and has no such limit.
    /// </summary>
    public const int MaxExpandedSize = 20_000;

    /// <summary>True when <paramref name="spec"/> expanded as a tree has at most <see cref="MaxExpandedSize"/> nodes.</summary>
    public static bool IsSmallAsTree(ExprSpec spec) => Measure(spec, MaxExpandedSize).Size <= MaxExpandedSize;

    /// <summary>True when every expression of <paramref name="model"/> is small as a tree (see <see cref="IsSmallAsTree"/>).</summary>
    public static bool IsSmallAsTree(ModelSpec model)
    {
        foreach (var term in model.Likelihoods)
        {
            foreach (var argument in term.Arguments)
            {
                if (!IsSmallAsTree(argument))
                {
                    return false;
                }
            }
        }

        foreach (var derived in model.Derived)
        {
            if (!IsSmallAsTree(derived.Expression))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The size of <paramref name="spec"/> as a tree (shared subtrees counted at each use, saturating above
    /// <paramref name="limit"/>) and its depth; linear in the number of distinct nodes.
    /// </summary>
    public static (long Size, int Depth) Measure(ExprSpec spec, long limit)
    {
        var measures = new Dictionary<ExprSpec, (long Size, int Depth)>(ReferenceComparer.Instance);
        var stack = new Stack<(ExprSpec Spec, bool Expanded)>();
        stack.Push((spec, false));
        while (stack.Count > 0)
        {
            var (current, expanded) = stack.Pop();
            if (measures.ContainsKey(current))
            {
                continue;
            }

            if (!expanded)
            {
                stack.Push((current, true));
                foreach (var child in SpecWalk.Children(current))
                {
                    if (!measures.ContainsKey(child))
                    {
                        stack.Push((child, false));
                    }
                }

                continue;
            }

            long size = 1;
            int depth = 0;
            foreach (var child in SpecWalk.Children(current))
            {
                var measure = measures.TryGetValue(child, out var m) ? m : (0, 0);
                size = System.Math.Min(size + measure.Size, limit + 1);
                depth = System.Math.Max(depth, measure.Depth);
            }

            measures[current] = (size, depth + 1);
        }

        return measures[spec];
    }

    private sealed class ReferenceComparer : IEqualityComparer<ExprSpec>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(ExprSpec? x, ExprSpec? y) => ReferenceEquals(x, y);

        public int GetHashCode(ExprSpec obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
