using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Intrinsics;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// Schedules IR nodes into the nested scopes of a generated method (method level, the observation
/// loop, loops over lambda variables): each node is computed once, in the outermost scope where all
/// its indices are bound (loop-invariant code is hoisted, θ-only code leaves the observation loop).
/// Nodes used once in their own scope are printed inline; the rest get a local.
/// </summary>
internal sealed partial class BlockEmitter
{
    private readonly IndentedWriter _writer;
    private readonly ExpressionPrinter _printer;
    private readonly IrBuilder _builder;
    private readonly Dictionary<Node, int> _useCount = new();
    private readonly Dictionary<Node, Node> _onlyParent = new();
    private readonly Dictionary<Node, string> _locals = new();
    private readonly Stack<List<Node>> _frames = new();
    private readonly HashSet<string> _declared = new(System.StringComparer.Ordinal);
    private readonly Stack<LoopFrame> _loops = new();
    private readonly Dictionary<Node, bool> _safe = new();
    private readonly Dictionary<Node, string> _lseCaches = new();
    private readonly Dictionary<Node, (string Max, string Inverse)> _lseParts = new();
    private VariableSet _bound;

    public BlockEmitter(IndentedWriter writer, ExpressionPrinter printer, IrBuilder builder, IEnumerable<Node> roots)
    {
        _writer = writer;
        _printer = printer;
        _builder = builder;
        _frames.Push(new List<Node>());
        CountUses(roots);
    }

    public IReadOnlyDictionary<Node, string> Locals => _locals;

    public IndentedWriter Writer => _writer;

    public string Print(Node node) => _printer.Print(node, _locals);

    /// <summary>Emits, at <paramref name="scope"/>, every node the <paramref name="roots"/> need that belongs there.</summary>
    /// <param name="roots">The values the code after this point prints.</param>
    /// <param name="scope">Where the code goes.</param>
    /// <param name="comment">A comment line written before the code, only when there is code.</param>
    public void Emit(IEnumerable<Node> roots, EmitScope scope, string? comment = null)
    {
        var needed = new List<Node>();
        var visited = new Dictionary<Node, bool>();
        foreach (var root in roots)
        {
            Collect(root, scope, needed, visited);
        }

        foreach (var node in needed.Distinct().OrderBy(n => n.Id))
        {
            if (ShouldMaterialize(node))
            {
                if (comment is not null)
                {
                    _writer.Line(comment);
                    comment = null;
                }

                Materialize(node, scope);
            }
        }
    }

    /// <summary>Opens a C# scope whose locals are forgotten by <see cref="PopScope"/>.</summary>
    public void PushScope() => _frames.Push(new List<Node>());

    public void PopScope()
    {
        foreach (var node in _frames.Pop())
        {
            _locals.Remove(node);
        }
    }

    /// <summary>Opens <c>for (int v = 0; v &lt; count; v++) {</c>; close it with <see cref="CloseLoop"/>.</summary>
    /// <remarks>
    /// A branch evaluated lazily inside a loop over j may need a reduction over the same j (say
    /// Σⱼ W[k, j]·X[i, j] under a guard, inside the gradient loop over j). The inner loop then gets a
    /// fresh name for j, and the outer loop's locals that depend on j are hidden until it closes.
    /// </remarks>
    /// <param name="variable">The loop's variable.</param>
    /// <param name="start">The first value, as C# (default 0).</param>
    /// <param name="inclusiveLimit">A bound the variable also stays at or below, as C#, or null.</param>
    public void OpenLoop(int variable, string start = "0", string? inclusiveLimit = null)
    {
        string count = Print(_builder.CountOf(variable));
        var frame = new LoopFrame(variable, _bound, _printer.Aliases.TryGetValue(variable, out var alias) ? alias : null);
        if (_bound.Contains(variable))
        {
            foreach (var pair in _locals.Where(p => p.Key.FreeVariables.Contains(variable)).ToList())
            {
                frame.Hidden.Add(pair);
                _locals.Remove(pair.Key);
            }

            string fresh = _printer.VariableName(variable) + "_";
            while (_declared.Contains(fresh))
            {
                fresh += "_";
            }

            _declared.Add(fresh);
            _printer.Aliases[variable] = fresh;
        }

        _loops.Push(frame);
        _bound = _bound.Union(VariableSet.Of(variable));
        string name = _printer.VariableName(variable);
        string limit = inclusiveLimit is null ? "" : " && " + name + " <= " + inclusiveLimit;
        _writer.Line("for (int " + name + " = " + start + "; " + name + " < " + count + limit + "; " + name + "++)");
        _writer.Line("{");
        _writer.Indent();
        PushScope();
    }

    public void CloseLoop()
    {
        PopScope();
        _writer.Unindent();
        _writer.Line("}");
        var frame = _loops.Pop();
        _bound = frame.OuterBound;
        if (frame.OuterAlias is null)
        {
            _printer.Aliases.Remove(frame.Variable);
        }
        else
        {
            _printer.Aliases[frame.Variable] = frame.OuterAlias;
        }

        foreach (var pair in frame.Hidden)
        {
            _locals[pair.Key] = pair.Value;
        }
    }

    private sealed class LoopFrame
    {
        public LoopFrame(int variable, VariableSet outerBound, string? outerAlias)
        {
            Variable = variable;
            OuterBound = outerBound;
            OuterAlias = outerAlias;
        }

        public int Variable { get; }

        public VariableSet OuterBound { get; }

        public string? OuterAlias { get; }

        public List<KeyValuePair<Node, string>> Hidden { get; } = new();
    }

    /// <summary>
    /// Gathers the nodes to compute at <paramref name="scope"/>. Inside a conditional's branches (which
    /// run lazily: their indices may only be valid there) only nodes that cannot fail are gathered,
    /// so that loop-invariant work under a guard still leaves the loop.
    /// </summary>
    /// <remarks>
    /// A node reached first inside a branch and then outside one (BernoulliLogit's η, under y ? η : 0 and in softplus η)
    /// is visited again: outside a branch it is needed even when it could fail (it is evaluated unconditionally).
    /// </remarks>
    private void Collect(Node node, EmitScope scope, List<Node> needed, Dictionary<Node, bool> visited, bool inBranch = false)
    {
        if (node.IsLeaf || _locals.ContainsKey(node) || (visited.TryGetValue(node, out bool visitedInBranch) && (inBranch || !visitedInBranch)))
        {
            return;
        }

        visited[node] = inBranch;

        if (scope.Fits(node) && (!inBranch || IsSafe(node)))
        {
            needed.Add(node);
            if (CachedWeight(node) is not null)
            {
                // Read back from the log-sum-exp's cache: its term is printed only for indices past the cache.
                return;
            }
        }

        for (int k = 0; k < node.Children.Length; k++)
        {
            Collect(node.Children[k], scope, needed, visited, inBranch || (node.Kind == NodeKind.Conditional && k > 0));
        }
    }

    /// <summary>True when evaluating <paramref name="node"/> cannot throw: its array reads are indexed by i or a lambda index (ranges the data checks guarantee), no int division.</summary>
    private bool IsSafe(Node node)
    {
        if (_safe.TryGetValue(node, out bool known))
        {
            return known;
        }

        bool safe = node.Kind switch
        {
            NodeKind.Data or NodeKind.Param => node.Children.All(index => index.Kind is NodeKind.ObservationIndex or NodeKind.Variable),
            NodeKind.Conditional => IsSafe(node.Children[0]),
            NodeKind.Binary when node.Type == ScalarType.Int && node.BinaryOp is BinaryOp.Divide or BinaryOp.Modulo => false,
            _ => node.Children.All(IsSafe),
        };
        _safe[node] = safe;
        return safe;
    }

    private bool ShouldMaterialize(Node node)
    {
        if (node.Kind == NodeKind.Reduce || (node.Kind == NodeKind.Conditional && NeedsStatements(node)) || CachedWeight(node) is not null)
        {
            return true;
        }

        if (!_useCount.TryGetValue(node, out int uses) || uses == 0)
        {
            // A root: printed where it is used.
            return false;
        }

        if (uses > 1)
        {
            return true;
        }

        // Used once: inline it into its user, unless that would move it into a deeper loop (an
        // invariant computed once outside beats recomputation inside). Reads and conversions cost
        // nothing to repeat; a reduction's body is printed right at the accumulation.
        var parent = _onlyParent[node];
        return !(EmitScope.SameHome(node, parent)
            || node.Kind is NodeKind.Data or NodeKind.Param or NodeKind.Convert
            || (parent.Kind == NodeKind.Reduce && parent.Body == node));
    }

    private void Materialize(Node node, EmitScope scope)
    {
        string name = NewName(node);
        if (node.Kind == NodeKind.Reduce)
        {
            EmitReduction(node, name, scope);
        }
        else if (node.Kind == NodeKind.Conditional && NeedsStatements(node))
        {
            EmitBranches(node, name, scope);
        }
        else if (CachedWeight(node) is { } reduce)
        {
            // exp(tⱼ − lse) = eⱼ/s, eⱼ = exp(tⱼ − m) from the log-sum-exp's second pass
            var (max, inverse) = _lseParts[reduce];
            string index = _printer.VariableName(reduce.Variable);
            _writer.Line("double " + name + " = (" + index + " < " + Literals.Int(LogSumExpPasses.CacheSize) + " ? " + _lseCaches[reduce] + "[" + index + "] : global::System.Math.Exp("
                + Print(reduce.Body) + " - " + max + ")) * " + inverse + ";");
        }
        else
        {
            _writer.Line(TypeName(node.Type) + " " + name + " = " + Print(node) + ";");
        }

        _locals[node] = name;
        _frames.Peek().Add(node);
    }

    /// <summary>True when a branch needs statements (a loop), so the conditional cannot print as <c>c ? a : b</c>.</summary>
    private bool NeedsStatements(Node conditional)
    {
        var stack = new Stack<Node>();
        stack.Push(conditional.Children[1]);
        stack.Push(conditional.Children[2]);
        var seen = new HashSet<Node>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.IsLeaf || _locals.ContainsKey(node) || !seen.Add(node))
            {
                continue;
            }

            if (node.Kind == NodeKind.Reduce)
            {
                return true;
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        return false;
    }

    private void EmitBranches(Node node, string name, EmitScope scope)
    {
        _writer.Line(TypeName(node.Type) + " " + name + ";");
        for (int branch = 1; branch <= 2; branch++)
        {
            _writer.Line(branch == 1 ? "if (" + Print(node.Children[0]) + ")" : "else");
            _writer.Line("{");
            _writer.Indent();
            PushScope();
            Emit(new[] { node.Children[branch] }, scope);
            _writer.Line(name + " = " + Print(node.Children[branch]) + ";");
            PopScope();
            _writer.Unindent();
            _writer.Line("}");
        }
    }

    private void EmitReduction(Node node, string name, EmitScope scope)
    {
        int variable = node.Variable;
        if (node.Reduction == ReductionKind.Sum)
        {
            _writer.Line("double " + name + " = 0d;");
            OpenLoop(variable);
            Emit(new[] { node.Body }, scope.With(variable));
            _writer.Line(name + " += " + Print(node.Body) + ";");
            CloseLoop();
            return;
        }

        if (LogSumExpPasses.IsTwoPass(node))
        {
            EmitTwoPassLogSumExp(node, name, scope);
            return;
        }

        // log Σ exp(termⱼ) in one pass: a running maximum m and Σ exp(termⱼ − m).
        string max = name + "_max", sum = name + "_sum", term = name + "_term";
        _writer.Line("double " + max + " = double.NegativeInfinity, " + sum + " = 0d;");
        OpenLoop(variable);
        Emit(new[] { node.Body }, scope.With(variable));
        _writer.Line("double " + term + " = " + Print(node.Body) + ";");
        _writer.Line("if (" + term + " > " + max + ") { " + sum + " = " + sum + " * global::System.Math.Exp(" + max + " - " + term + ") + 1d; " + max + " = " + term + "; }");
        _writer.Line("else if (" + term + " > double.NegativeInfinity) { " + sum + " += global::System.Math.Exp(" + term + " - " + max + "); }");
        CloseLoop();
        _writer.Line("double " + name + " = " + max + " + global::System.Math.Log(" + sum + ");");
    }

    /// <summary>
    /// log Σ exp(termⱼ) in two passes (see <see cref="LogSumExpPasses"/>): m = maxⱼ termⱼ (NaN-propagating), then
    /// Σ exp(termⱼ − m), each exponential kept in the cache when the kernel reads the term weights. An infinite m is the
    /// value itself (all terms −∞, or one +∞), as the one-pass form gives.
    /// </summary>
    private void EmitTwoPassLogSumExp(Node node, string name, EmitScope scope)
    {
        int variable = node.Variable;
        string max = name + "_max", sum = name + "_sum", e = name + "_e";
        _writer.Line("double " + max + " = double.NegativeInfinity;");
        OpenLoop(variable);
        Emit(new[] { node.Body }, scope.With(variable));
        _writer.Line(max + " = global::System.Math.Max(" + max + ", " + Print(node.Body) + ");");
        CloseLoop();
        _writer.Line("double " + sum + " = 0d;");
        _lseCaches.TryGetValue(node, out var cache);
        OpenLoop(variable);
        Emit(new[] { node.Body }, scope.With(variable));
        _writer.Line("double " + e + " = global::System.Math.Exp(" + Print(node.Body) + " - " + max + ");");
        if (cache is not null)
        {
            string index = _printer.VariableName(variable);
            _writer.Line("if (" + index + " < " + Literals.Int(LogSumExpPasses.CacheSize) + ") " + cache + "[" + index + "] = " + e + ";");
        }

        _writer.Line(sum + " += " + e + ";");
        CloseLoop();
        _writer.Line("double " + name + " = double.IsInfinity(" + max + ") ? " + max + " : " + max + " + global::System.Math.Log(" + sum + ");");
        if (cache is not null)
        {
            string inverse = name + "_inv";
            _writer.Line("double " + inverse + " = 1d / " + sum + ";");
            _lseParts[node] = (max, inverse);
        }
    }

    /// <summary>The log-sum-exp whose cache holds <paramref name="node"/> (exp(tⱼ − lse), lse computed here with its cache), or null.</summary>
    private Node? CachedWeight(Node node) =>
        LogSumExpPasses.IsTermWeight(node, out var reduce) && _lseParts.ContainsKey(reduce) && _locals.ContainsKey(reduce) ? reduce : null;

    private string NewName(Node node)
    {
        string stem = node.Kind switch
        {
            NodeKind.Reduce => node.Reduction == ReductionKind.Sum ? "sum" : "lse",
            NodeKind.Unary => IntrinsicRegistry.Get(node.UnaryOp).Stem,
            NodeKind.Binary => IntrinsicRegistry.Get(node.BinaryOp).Stem,
            NodeKind.Conditional => "sel",
            NodeKind.Ternary => IntrinsicRegistry.Get(node.TernaryOp).Stem,
            NodeKind.Data => "x",
            NodeKind.Param => "theta",
            _ => "t",
        };

        // The user's name (a helper, a var local); else a function of one scalar member after both (invSigma, logSigma);
        // else the operation and the node id (prod31).
        string name = _builder.TryGetName(node, out var userName) && LocalNames.TryFromUser(userName, out var local)
            ? local
            : node.Kind == NodeKind.Unary && node.Children[0] is { Kind: NodeKind.Param or NodeKind.Data, Children.IsEmpty: true } member
                ? stem + LocalNames.Capitalized(member.Member)
                : stem + node.Id.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
        string candidate = name;
        for (int k = 2; !_declared.Add(candidate); k++)
        {
            candidate = name + "_" + k.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
        }

        return candidate;
    }

    private static string TypeName(ScalarType type) => type switch
    {
        ScalarType.Int => "int",
        ScalarType.Bool => "bool",
        _ => "double",
    };

    private void CountUses(IEnumerable<Node> roots)
    {
        var visited = new HashSet<Node>();
        var stack = new Stack<Node>(roots);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            // A child read twice by one node (h + h) counts twice: inlined, it would be printed twice, and a chain of
            // such nodes would print 2ⁿ times.
            foreach (var child in node.Children)
            {
                _useCount[child] = _useCount.TryGetValue(child, out int n) ? n + 1 : 1;
                _onlyParent[child] = node;
                stack.Push(child);
            }
        }
    }
}
