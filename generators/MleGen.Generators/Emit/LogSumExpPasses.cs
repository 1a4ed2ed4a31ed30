using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// The two-pass form of a log-sum-exp reduction and the reuse of its exponentials (issue 12). A log Σⱼ exp(tⱼ) whose
/// terms are cheap to evaluate twice (a mixture's log wⱼ − log σⱼ − ½zⱼ²) is computed as m = maxⱼ tⱼ, then
/// eⱼ = exp(tⱼ − m) and s = Σⱼ eⱼ, lse = m + log s: one exponential per term, as the online form, but the eⱼ are final.
/// Its derivative with respect to tⱼ is exp(tⱼ − lse) = eⱼ/s: where a kernel needs that node (a mixture's
/// responsibilities, in the gradient) it reads eⱼ back from a stack cache of the first <see cref="CacheSize"/> terms,
/// filled by the second pass, and multiplies by 1/s, instead of a second exponential per term. Terms past the cache
/// recompute exp(tⱼ − m) from the same expression: the cache never changes a result, only the work.
/// </summary>
internal static class LogSumExpPasses
{
    /// <summary>Terms cached per log-sum-exp (as the per-index tables): 512 bytes of stack, 4 KB for 8-wide vectors.</summary>
    public const int CacheSize = BlockEmitter.TableSize;

    /// <summary>
    /// True for a log-sum-exp whose term is cheap to compute twice: no reduction and no per-observation function call (exp, log,
    /// log Γ, …; a division is fine) in it. Other log-sum-exps keep the one-pass running maximum.
    /// </summary>
    public static bool IsTwoPass(Node reduce)
    {
        if (reduce.Kind != NodeKind.Reduce || reduce.Reduction != ReductionKind.LogSumExp)
        {
            return false;
        }

        var stack = new Stack<Node>();
        var seen = new HashSet<Node>();
        stack.Push(reduce.Body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node) || node.IsLeaf)
            {
                continue;
            }

            if (node.Kind == NodeKind.Reduce || (node.DependsOnObservation && BlockEmitter.IsCostly(node) && !(node.Kind == NodeKind.Binary && node.BinaryOp == BinaryOp.Divide)))
            {
                return false;
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="node"/> is exp(tⱼ − lse) of a two-pass log-sum-exp (its derivative with respect to its term).</summary>
    public static bool IsTermWeight(Node node, out Node reduce)
    {
        reduce = node;
        if (node.Kind != NodeKind.Unary || node.UnaryOp != UnaryOp.Exp)
        {
            return false;
        }

        var difference = node.Children[0];
        if (difference.Kind != NodeKind.Binary || difference.BinaryOp != BinaryOp.Subtract)
        {
            return false;
        }

        var candidate = difference.Children[1];
        if (candidate.Kind != NodeKind.Reduce || difference.Children[0] != candidate.Body || !IsCacheable(candidate))
        {
            return false;
        }

        reduce = candidate;
        return true;
    }

    /// <summary>
    /// The log-sum-exps whose term weights the <paramref name="roots"/> read: each gets a cache. Only those computed once
    /// per observation (no free loop variable, a count that reads neither the observation nor a loop variable), so that
    /// the cache holds the exponentials of the value in use.
    /// </summary>
    public static List<Node> Cached(IEnumerable<Node> roots)
    {
        var result = new List<Node>();
        var seen = new HashSet<Node>();
        var stack = new Stack<Node>(roots);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node) || node.IsLeaf)
            {
                continue;
            }

            if (IsTermWeight(node, out var reduce) && !result.Contains(reduce))
            {
                result.Add(reduce);
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        result.Sort((a, b) => a.Id.CompareTo(b.Id));
        return result;
    }

    private static bool IsCacheable(Node reduce) =>
        IsTwoPass(reduce) && reduce.FreeVariables.IsEmpty && reduce.Count.FreeVariables.IsEmpty && !reduce.Count.DependsOnObservation;
}
