using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// Per-index tables: a costly value that depends on θ (or data) and one loop index k but not on the
/// observation, such as log(Weights[k]) or 1/Sds[k] in a mixture, would otherwise be recomputed inside
/// the loop over k for every observation. It is computed once per chunk into a stack table of
/// <see cref="TableSize"/> entries and read back as <c>t_log5[k]</c>; indices beyond the table (a
/// vector longer than that) compute the value in place, so no size is ever wrong and nothing allocates.
/// </summary>
internal sealed partial class BlockEmitter
{
    /// <summary>Entries per table: enough for the component and class counts of real models, 512 bytes of stack.</summary>
    public const int TableSize = 64;

    /// <summary>Tables per method at most (16 KB of stack); further values are computed in place.</summary>
    public const int MaxTables = 32;

    /// <summary>Emits, at method level, the tables of the per-index values the observation loop of <paramref name="roots"/> needs.</summary>
    /// <param name="roots">The values the method computes.</param>
    /// <param name="caches">Whether to declare the caches of the log-sum-exps whose term weights the roots read (see <see cref="LogSumExpPasses"/>).</param>
    /// <param name="bounded">
    /// Whether the method runs only when every table's loop count is at most <see cref="TableSize"/> (the vector kernels check
    /// it before their blocks, see <see cref="TableVariables"/>): the values are then read as <c>t_log5[k]</c>, with no test of k.
    /// </param>
    public void EmitTables(IEnumerable<Node> roots, bool caches = true, bool bounded = false)
    {
        if (caches)
        {
            EmitLogSumExpCaches(roots);
        }

        var candidates = TableCandidates(roots).OrderBy(n => n.Id).Take(MaxTables);
        foreach (var group in candidates.GroupBy(n => n.FreeVariables.ToArray()[0]).OrderBy(g => g.Key))
        {
            int variable = group.Key;
            var nodes = group.OrderBy(n => n.Id).ToList();
            string size = Literals.Int(TableSize);
            _writer.Line("// per-index values that do not depend on the observation, computed once per chunk (the first " + size + " indices)");
            var names = new Dictionary<Node, string>();
            foreach (var node in nodes)
            {
                string name = "t_" + NewName(node);
                names[node] = name;
                _writer.Line("global::System.Span<double> " + name + " = stackalloc double[" + size + "];");
            }

            string index = _printer.VariableName(variable);
            OpenLoop(variable, inclusiveLimit: Literals.Int(TableSize - 1));
            var scope = EmitScope.Method.With(variable);
            Emit(nodes, scope);
            foreach (var node in nodes)
            {
                _writer.Line(names[node] + "[" + index + "] = " + Print(node) + ";");
            }

            CloseLoop();
            _tableVariables.Add(variable);
            foreach (var node in nodes)
            {
                _locals[node] = bounded ? names[node] + "[" + index + "]" : "(" + index + " < " + size + " ? " + names[node] + "[" + index + "] : " + Print(node) + ")";
                _frames.Peek().Add(node);
            }
        }
    }

    private readonly List<int> _tableVariables = new();

    /// <summary>The loop variables of the tables <see cref="EmitTables"/> wrote (their first <see cref="TableSize"/> indices are tabled).</summary>
    public IReadOnlyList<int> TableVariables => _tableVariables;

    private void EmitLogSumExpCaches(IEnumerable<Node> roots)
    {
        foreach (var reduce in LogSumExpPasses.Cached(roots))
        {
            if (_lseCaches.ContainsKey(reduce) || _locals.ContainsKey(reduce))
            {
                continue;
            }

            string name = "c_lse" + reduce.Id.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
            for (int k = 2; !_declared.Add(name); k++)
            {
                name = "c_lse" + reduce.Id.ToString(System.Globalization.NumberFormatInfo.InvariantInfo) + "_" + Literals.Int(k);
            }

            _writer.Line("// exp(termⱼ − max) of a log-sum-exp, kept by its second pass for its term weights (the first " + Literals.Int(LogSumExpPasses.CacheSize) + " terms)");
            _writer.Line("global::System.Span<double> " + name + " = stackalloc double[" + Literals.Int(LogSumExpPasses.CacheSize) + "];");
            _lseCaches[reduce] = name;
        }
    }

    /// <summary>
    /// The costly nodes read by observation-dependent nodes (directly or through other per-index
    /// nodes) whose only free variable is a loop index with an observation-free count, and which cannot throw.
    /// </summary>
    private List<Node> TableCandidates(IEnumerable<Node> roots)
    {
        var result = new List<Node>();
        var visited = new HashSet<(Node, bool)>();
        var stack = new Stack<(Node Node, bool UnderObservation)>(roots.Select(r => (r, false)));
        while (stack.Count > 0)
        {
            var (node, under) = stack.Pop();
            if (node.IsLeaf || _locals.ContainsKey(node))
            {
                continue;
            }

            bool perIndex = under && !node.DependsOnObservation && IsPerIndex(node);
            if (!visited.Add((node, under)))
            {
                continue;
            }

            if (perIndex && IsCostly(node) && IsSafe(node))
            {
                result.Add(node);
            }

            bool childUnder = node.DependsOnObservation || perIndex;
            foreach (var child in node.Children)
            {
                stack.Push((child, childUnder));
            }
        }

        return result;
    }

    private bool IsPerIndex(Node node)
    {
        var variables = node.FreeVariables.ToArray();
        if (variables.Length != 1 || node.Type != ScalarType.Double)
        {
            return false;
        }

        var count = _builder.CountOf(variables[0]);
        return !count.DependsOnObservation && count.FreeVariables.IsEmpty;
    }

    /// <summary>True for an operation worth computing once rather than per observation: a function call, a division.</summary>
    public static bool IsCostly(Node node) => node.Kind switch
    {
        NodeKind.Unary => node.UnaryOp is not (UnaryOp.Negate or UnaryOp.Not or UnaryOp.Abs or UnaryOp.Square or UnaryOp.Sign),
        NodeKind.Binary => node.BinaryOp is BinaryOp.Divide or BinaryOp.Pow or BinaryOp.LogSumExp or BinaryOp.LogGammaDifference or BinaryOp.DigammaDifference or BinaryOp.TrigammaDifference
            or BinaryOp.GammaLogCdf or BinaryOp.GammaCdfRatio or BinaryOp.GammaLogCdfShape or BinaryOp.GammaLogCdfShape2
            or BinaryOp.GammaLogCcdf or BinaryOp.GammaCcdfRatio or BinaryOp.GammaLogCcdfShape or BinaryOp.GammaLogCcdfShape2,
        NodeKind.Ternary => true,
        _ => false,
    };
}
