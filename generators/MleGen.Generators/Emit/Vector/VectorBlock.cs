using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit.Vector;

/// <summary>
/// Emits the body of a vector block: the per-observation nodes of the IR computed for W observations at once, as
/// <c>Vector256&lt;double&gt;</c>/<c>Vector512&lt;double&gt;</c> locals. Nodes that do not depend on the observation stay
/// scalar (printed by the scalar <see cref="ExpressionPrinter"/>, broadcast where a vector needs them); int values
/// of the observation are held as exact doubles, bool values as lane masks, and <c>c ? a : b</c> becomes a
/// <c>ConditionalSelect</c> of both sides. Anything without a vector form that cannot be evaluated lane by lane
/// safely sets <see cref="Failed"/>: the term then keeps only its scalar kernel.
/// </summary>
internal sealed class VectorBlock
{
    private const string Kernels = "global::MleGen.VectorKernels";
    private const string Math = "global::MleGen.VectorMath";

    private readonly IndentedWriter _writer;
    private readonly ExpressionPrinter _scalar;
    private readonly IrBuilder _builder;
    private readonly MemberAccess _members;
    private readonly ModelSpec _spec;
    private readonly VectorWidth _width;
    private readonly Dictionary<Node, string> _locals;
    private readonly IReadOnlyDictionary<Node, CountTableLocals> _countTables;
    private readonly HashSet<Node> _vectors = new();
    private readonly Stack<List<Node>> _frames = new();
    private readonly Dictionary<Node, string> _lseCaches = new();
    private readonly Dictionary<Node, (string Max, string Inverse)> _lseParts = new();
    private readonly Dictionary<Node, string> _loopCaches = new();
    private readonly HashSet<Node> _stored = new();
    private readonly HashSet<Node> _materialized = new();
    private readonly HashSet<Node> _repeated = new();
    private readonly HashSet<Node> _readBack = new();
    private readonly Dictionary<(Node, Node?), LogisticParts> _logisticParts = new();
    private VariableSet _bound;
    private int _fresh;

    public VectorBlock(IndentedWriter writer, ExpressionPrinter scalar, IrBuilder builder, MemberAccess members, ModelSpec spec, VectorWidth width, IReadOnlyDictionary<Node, string> hoisted, IReadOnlyDictionary<Node, CountTableLocals> countTables)
    {
        _countTables = countTables;
        _writer = writer;
        _scalar = scalar;
        _builder = builder;
        _members = members;
        _spec = spec;
        _width = width;
        _locals = new Dictionary<Node, string>(hoisted.Count);
        foreach (var pair in hoisted)
        {
            _locals[pair.Key] = pair.Value;
        }

        _frames.Push(new List<Node>());
    }

    /// <summary>
    /// How the block reads the values its chunk's count tables hold: <see cref="CountTableReads.Either"/> tests the table's
    /// range at each read; the NLL and gradient kernels instead emit their loop twice, one copy reading only the tables
    /// (no call in the loop, so the JIT keeps the block's vectors in registers) and one calling only the functions.
    /// </summary>
    public CountTableReads CountTableReads { get; set; }

    /// <summary>The range locals of the count tables the block may read, in a fixed order (<c>range_Y</c>).</summary>
    public IReadOnlyList<string> CountTableRanges => _countTables.Values.Select(t => t.Range).Distinct().OrderBy(r => r, System.StringComparer.Ordinal).ToList();

    /// <summary>Starts one copy of the observation loop: what the copy computes is forgotten at <see cref="EndCopy"/>.</summary>
    public void BeginCopy()
    {
        _materialized.Clear();
        _stored.Clear();
        _frames.Push(new List<Node>());
    }

    /// <summary>Ends a copy of the observation loop begun by <see cref="BeginCopy"/>.</summary>
    public void EndCopy()
    {
        foreach (var node in _frames.Pop())
        {
            _locals.Remove(node);
            _vectors.Remove(node);
        }
    }

    /// <summary>Why the block has no vector form (the first reason met), or null.</summary>
    public string? Failed { get; private set; }

    public IndentedWriter Writer => _writer;

    public VectorWidth Width => _width;

    public VariableSet Bound => _bound;

    public void Fail(string reason) => Failed ??= reason;

    /// <summary>
    /// Whether <see cref="Emit"/> also computes the operands of a node of unbound loops that do not depend on them
    /// (before the loops open), rather than leaving the whole node to the inner loop.
    /// </summary>
    public bool HoistInvariants { get; init; }

    /// <summary>
    /// Whether the kernel runs its blocks only when the count of every loop with a stack array (a per-index table, a
    /// log-sum-exp cache, a loop cache) is at most <see cref="LogSumExpPasses.CacheSize"/> (the kernel checks
    /// <see cref="GuardCondition"/> first and otherwise runs the scalar kernel on the whole chunk): the arrays are then
    /// written and read with no test of the index, and no term is recomputed past them.
    /// </summary>
    public bool Bounded { get; init; }

    /// <summary>The loop variables of the per-index tables the kernel reads (see <see cref="BlockEmitter.TableVariables"/>).</summary>
    public IReadOnlyCollection<int> TableVariables { get; init; } = System.Array.Empty<int>();

    /// <summary>
    /// Per-observation values of one loop index (a mixture's zₖ = (y − μₖ)/σₖ, its term tₖ) that a later loop over the
    /// same index in the block needs again (found by a dry run: <see cref="Repeated"/>, then <see cref="ReadBack"/>):
    /// the first loop keeps them in a stack array of the block, indexed by the loop variable, and the later loops read
    /// them back instead of recomputing them. Only with <see cref="Bounded"/>.
    /// </summary>
    public IReadOnlyCollection<Node> LoopCached { get; init; } = System.Array.Empty<Node>();

    /// <summary>The values of one loop index the block computed in more than one loop over it (for <see cref="LoopCached"/>).</summary>
    public IReadOnlyCollection<Node> Repeated => _repeated;

    /// <summary>The loop-cached values a later loop read back.</summary>
    public IReadOnlyCollection<Node> ReadBack => _readBack;

    /// <summary>At most this many loop caches a kernel (64 vectors each).</summary>
    public const int MaxLoopCaches = 8;

    /// <summary>A vector expression of <paramref name="node"/>: its vector local, or a broadcast of its scalar value.</summary>
    public string Operand(Node node)
    {
        if (_locals.TryGetValue(node, out var name) && _vectors.Contains(node))
        {
            return name;
        }

        if (node.DependsOnObservation)
        {
            if (node.Kind == NodeKind.ObservationIndex)
            {
                return Kernels + ".Indices" + _width.LanesText + "(i)";
            }

            Fail("node " + node + " was not computed before its use");
            return _width.Type + ".Zero";
        }

        string scalar = Scalar(node);
        return node.Type switch
        {
            ScalarType.Bool => "(" + scalar + " ? " + _width.Type + ".AllBitsSet : " + _width.Type + ".Zero)",
            ScalarType.Int => _width.Broadcast("(double)(" + scalar + ")"),
            _ => _width.Broadcast(scalar),
        };
    }

    /// <summary>A scalar expression of a node that does not depend on the observation.</summary>
    public string Scalar(Node node)
    {
        if (node.DependsOnObservation)
        {
            Fail("a per-observation value " + node + " used where a scalar is needed");
            return "0";
        }

        if (HasPendingReduction(node))
        {
            Fail("a reduction that does not depend on the observation inside the observation loop");
        }

        return _scalar.Print(node, _locals);
    }

    /// <summary>Computes every per-observation node the <paramref name="roots"/> need that fits the bound loops.</summary>
    public void Emit(IEnumerable<Node> roots)
    {
        var needed = new List<Node>();
        var visited = new HashSet<Node>();
        foreach (var root in roots)
        {
            Collect(root, needed, visited);
        }

        foreach (var node in needed.OrderBy(n => n.Id))
        {
            if (Failed is not null)
            {
                return;
            }

            Materialize(node);
        }
    }

    /// <summary>
    /// Declares, before the observation loop, the caches of the log-sum-exps whose term weights the
    /// <paramref name="roots"/> read: <see cref="LogSumExpPasses.CacheSize"/> vectors each (see <see cref="LogSumExpPasses"/>).
    /// </summary>
    public void DeclareLogSumExpCaches(IEnumerable<Node> roots)
    {
        foreach (var reduce in LogSumExpPasses.Cached(roots))
        {
            string name = "c_lse" + reduce.Id.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
            if (Bounded)
            {
                _writer.Line("// exp(termⱼ − max) of a log-sum-exp for the block, kept by its second pass for its term weights");
                _writer.Line(_width.AlignedStackArray(name, Scalar(reduce.Count)));
            }
            else
            {
                _writer.Line("// exp(termⱼ − max) of a log-sum-exp for the block, kept by its second pass for its term weights (the first " + Literals.Int(LogSumExpPasses.CacheSize) + " terms)");
                _writer.Line(_width.AlignedStackArray(name, LogSumExpPasses.CacheSize));
            }

            _lseCaches[reduce] = name;
        }
    }

    /// <summary>Declares, before the observation loop, the stack arrays of the <see cref="LoopCached"/> values.</summary>
    public void DeclareLoopCaches()
    {
        foreach (var node in LoopCached.OrderBy(n => n.Id).Take(MaxLoopCaches))
        {
            string name = "c_v" + node.Id.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
            _writer.Line("// a per-observation value of each index (" + name + "), kept by the first loop over the index in the block for the later ones");
            _writer.Line(_width.AlignedStackArray(name, Scalar(_builder.CountOf(node.FreeVariables.ToArray()[0]))));
            _loopCaches[node] = name;
        }
    }

    /// <summary>
    /// The condition (a C# expression) under which a <see cref="Bounded"/> kernel must leave the chunk to the scalar kernel:
    /// the count of a loop with a stack array (a per-index table, the cache of a log-sum-exp the <paramref name="roots"/>
    /// read the term weights of, a loop cache, <paramref name="accumulated"/>: the loop variables of the gradient's
    /// per-element accumulators) above <see cref="LogSumExpPasses.CacheSize"/>, or null when there is none. The kernel
    /// checks it before it declares those arrays (sized by the counts).
    /// </summary>
    public string? GuardCondition(IEnumerable<Node> roots, IEnumerable<int> accumulated)
    {
        var variables = new SortedSet<int>(TableVariables);
        variables.UnionWith(LogSumExpPasses.Cached(roots).Select(reduce => reduce.Variable));
        variables.UnionWith(LoopCached.OrderBy(n => n.Id).Take(MaxLoopCaches).Select(n => n.FreeVariables.ToArray()[0]));
        variables.UnionWith(accumulated);

        // A count known at compile time needs no test (C# would warn of the unreachable code after `if (3 > 64)`); one
        // past the stack arrays makes the kernel pointless: the term keeps its scalar kernel.
        var tests = new List<string>();
        foreach (int v in variables)
        {
            var count = _builder.CountOf(v);
            if (count.Kind != NodeKind.Constant)
            {
                tests.Add(Scalar(count) + " > " + Literals.Int(LogSumExpPasses.CacheSize));
            }
            else if (count.Value > LogSumExpPasses.CacheSize)
            {
                Fail("a loop of a constant count past the stack arrays");
            }
        }

        return tests.Count == 0 ? null : string.Join(" || ", tests);
    }

    /// <summary>Opens <c>for (int v = 0; v &lt; count; v++) {</c> inside the block.</summary>
    public void OpenLoop(int variable)
    {
        if (_bound.Contains(variable))
        {
            Fail("a loop over a variable already bound");
        }

        var count = _builder.CountOf(variable);
        if (count.DependsOnObservation)
        {
            Fail("a loop whose count depends on the observation");
        }

        string name = _scalar.VariableName(variable);
        _writer.Line("for (int " + name + " = 0; " + name + " < " + Scalar(count) + "; " + name + "++)");
        _writer.Line("{");
        _writer.Indent();
        _bound = _bound.Union(VariableSet.Of(variable));
        _frames.Push(new List<Node>());
    }

    public void CloseLoop(int variable)
    {
        foreach (var node in _frames.Pop())
        {
            _locals.Remove(node);
            _vectors.Remove(node);
        }

        _bound = _bound.Without(variable);
        _writer.Unindent();
        _writer.Line("}");
    }

    private void Collect(Node node, List<Node> needed, HashSet<Node> visited)
    {
        if (_locals.ContainsKey(node) || !visited.Add(node) || !node.DependsOnObservation || node.Kind == NodeKind.ObservationIndex)
        {
            return;
        }

        if (!node.FreeVariables.IsSubsetOf(_bound))
        {
            // Computed inside the loop of the reduction that binds its variable; with HoistInvariants, its operands
            // that do not depend on that loop (a log-sum-exp over a variable of the same name) are computed here.
            if (HoistInvariants && node.Kind is not (NodeKind.Reduce or NodeKind.Data or NodeKind.Param))
            {
                foreach (var child in node.Children)
                {
                    Collect(child, needed, visited);
                }
            }

            return;
        }

        needed.Add(node);
        if (node.Kind == NodeKind.Reduce)
        {
            Collect(node.Count, needed, visited);
            if (Bounded)
            {
                // The body's values that do not depend on the reduction's loop (the observation's y): once, before it.
                CollectInvariants(node.Body, needed, visited, new HashSet<Node>());
            }

            return;
        }

        if (CachedWeight(node) is not null || _stored.Contains(node))
        {
            // Read back from the log-sum-exp's cache (its term is computed only for indices past the cache), or from the loop cache.
            return;
        }

        if (node.Kind is NodeKind.Data or NodeKind.Param)
        {
            // The indices are printed by the read itself.
            return;
        }

        foreach (var child in ScaledProduct(node) is { } product ? new[] { product.A, product.B } : node.Children.ToArray())
        {
            Collect(child, needed, visited);
        }
    }

    /// <summary>
    /// (c·a)·(b·c′) with c·c′ = 1 and c a power of two (either order in each product; the derivative of ½z² gives
    /// ½r·2z): a·b, the same value (the scalings are exact unless c·a or c′·b leaves the normal range, where a·b is the
    /// more accurate). Only in <see cref="Bounded"/> kernels.
    /// </summary>
    private (Node A, Node B)? ScaledProduct(Node node)
    {
        if (!Bounded || node.Kind != NodeKind.Binary || node.BinaryOp != BinaryOp.Multiply)
        {
            return null;
        }

        static (double C, Node X)? Scaled(Node n)
        {
            if (n.Kind != NodeKind.Binary || n.BinaryOp != BinaryOp.Multiply || n.Type != ScalarType.Double)
            {
                return null;
            }

            return n.Children[0].IsConstant ? (n.Children[0].Value, n.Children[1]) : n.Children[1].IsConstant ? (n.Children[1].Value, n.Children[0]) : null;
        }

        if (Scaled(node.Children[0]) is not { } left || Scaled(node.Children[1]) is not { } right || left.X.Type != ScalarType.Double || right.X.Type != ScalarType.Double)
        {
            return null;
        }

        double c = System.Math.Abs(left.C);
        bool powerOfTwo = c > 0 && !double.IsInfinity(c) && (System.BitConverter.DoubleToInt64Bits(c) & 0x000F_FFFF_FFFF_FFFFL) == 0 && c >= 1e-300 && c <= 1e300;
        return powerOfTwo && left.C * right.C == 1 ? (left.X, right.X) : null;
    }

    /// <summary>The per-observation operands of <paramref name="node"/> (inside loops not yet open) that the bound loops can compute.</summary>
    private void CollectInvariants(Node node, List<Node> needed, HashSet<Node> visited, HashSet<Node> seen)
    {
        if (_locals.ContainsKey(node) || !seen.Add(node) || !node.DependsOnObservation || node.Kind == NodeKind.ObservationIndex)
        {
            return;
        }

        if (node.FreeVariables.IsSubsetOf(_bound))
        {
            Collect(node, needed, visited);
            return;
        }

        if (node.Kind is not (NodeKind.Reduce or NodeKind.Data or NodeKind.Param))
        {
            foreach (var child in node.Children)
            {
                CollectInvariants(child, needed, visited, seen);
            }
        }
    }

    private void Materialize(Node node)
    {
        string name = "v" + node.Id.ToString(System.Globalization.NumberFormatInfo.InvariantInfo) + "_" + (_fresh++).ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
        if (node.Kind == NodeKind.Reduce)
        {
            EmitReduction(node, name);
        }
        else if (CachedWeight(node) is { } reduce)
        {
            EmitCachedWeight(reduce, name);
        }
        else if (_stored.Contains(node))
        {
            _writer.Line(_width.Type + " " + name + " = " + _loopCaches[node] + "[" + _scalar.VariableName(node.FreeVariables.ToArray()[0]) + "];");
            _readBack.Add(node);
        }
        else
        {
            _writer.Line(_width.Type + " " + name + " = " + Print(node) + ";");
            if (_loopCaches.TryGetValue(node, out var cache))
            {
                _writer.Line(cache + "[" + _scalar.VariableName(node.FreeVariables.ToArray()[0]) + "] = " + name + ";");
                _stored.Add(node);
            }
        }

        if (Bounded && IsLoopValue(node) && !_materialized.Add(node))
        {
            _repeated.Add(node);
        }

        _locals[node] = name;
        _vectors.Add(node);
        _frames.Peek().Add(node);
    }

    private string Print(Node node)
    {
        string P(int k) => Operand(node.Children[k]);
        switch (node.Kind)
        {
            case NodeKind.Data:
                return Read(node);
            case NodeKind.Convert:
                return node.Children[0].Type == ScalarType.Bool
                    ? _width.Static + ".ConditionalSelect(" + P(0) + ", " + _width.Type + ".One, " + _width.Type + ".Zero)"
                    : P(0);
            case NodeKind.Unary:
                return Unary(node, P(0));
            case NodeKind.Binary:
                return ScaledProduct(node) is { } product ? "(" + Operand(product.A) + " * " + Operand(product.B) + ")" : Binary(node, P(0), P(1));
            case NodeKind.Ternary:
                // No vector form: the scalar function lane by lane (the incomplete beta's per-thread cache serves the lanes' derivatives).
                return Kernels + ".Lanes(" + P(0) + ", " + P(1) + ", " + P(2) + ", static (u, v, w) => global::MleGen.Functions." + node.TernaryOp + "(u, v, w))";
            case NodeKind.Conditional:
                if (!BranchesAreSafe(node))
                {
                    Fail("a conditional whose branches read outside the observation's row or divide integers");
                }

                return node.Children[0].DependsOnObservation
                    ? _width.Static + ".ConditionalSelect(" + P(0) + ", " + P(1) + ", " + P(2) + ")"
                    : "(" + Scalar(node.Children[0]) + " ? " + P(1) + " : " + P(2) + ")";
            default:
                Fail("no vector form of " + node);
                return _width.Type + ".Zero";
        }
    }

    /// <summary>A per-observation data read: <c>Y[i]</c> (double, int or bool data) or <c>X[i, e]</c> with e not per-observation.</summary>
    private string Read(Node node)
    {
        if (!_members.IsData(node.Member) || node.Children.Length == 0 || node.Children[0].Kind != NodeKind.ObservationIndex
            || node.Children.Skip(1).Any(c => c.DependsOnObservation))
        {
            Fail("a data read at another row than the observation's");
            return _width.Type + ".Zero";
        }

        string local = MemberAccess.DataLocal(node.Member);
        string lanes = _width.LanesText;
        string type = _members.DataType(node.Member);
        if (node.Children.Length == 1 && type is "double[]" or "int[]" or "bool[]")
        {
            return Kernels + ".Load" + lanes + "(" + local + ", i)";
        }

        if (node.Children.Length == 2 && type == "double[,]")
        {
            return Kernels + ".Column" + lanes + "(" + local + ", i, " + Scalar(node.Children[1]) + ")";
        }

        Fail("an unsupported data read " + node);
        return _width.Type + ".Zero";
    }

    private string Unary(Node node, string x)
    {
        string t = _width.Type;
        switch (node.UnaryOp)
        {
            case UnaryOp.Negate: return "(-" + x + ")";
            case UnaryOp.Not: return "(~" + x + ")";
            case UnaryOp.Exp: return Math + ".Exp(" + x + ")";
            case UnaryOp.Log: return Math + ".Log(" + x + ")";
            case UnaryOp.Log1p: return Math + ".Log1p(" + x + ")";
            case UnaryOp.Softplus:
            {
                // VectorMath.Softplus's operations, e^−|x| and its log1p shared with softplus(−x) and σ(±x).
                var parts = Logistic(node.Children[0], x);
                parts.Log1p ??= Share(Math + ".Log1p(" + parts.Exp + ")");
                string s = _width.Static;
                return "(" + s + ".ConditionalSelect(" + s + ".GreaterThan(" + x + ", " + t + ".Zero), " + x + ", " + t + ".Zero) + " + parts.Log1p + ")";
            }

            case UnaryOp.Logistic:
            {
                // VectorKernels.Logistic's operations, 1/(1 + e^−|x|) and e^−|x|/(1 + e^−|x|) shared with σ(−x).
                var parts = Logistic(node.Children[0], x);
                parts.Inverse ??= Share(t + ".One / (" + t + ".One + " + parts.Exp + ")");
                parts.Ratio ??= Share(parts.Exp + " * " + parts.Inverse);
                return _width.Static + ".ConditionalSelect(" + _width.Static + ".GreaterThanOrEqual(" + x + ", " + t + ".Zero), " + parts.Inverse + ", " + parts.Ratio + ")";
            }

            // ≤ 2 ulp against mpmath; a lane outside 0 < x < ∞ is MathNet's value, as the scalar kernel's Functions.LogGamma/Digamma.
            case UnaryOp.LogGamma: return Math + ".LogGamma(" + x + ")";
            case UnaryOp.Digamma: return Math + ".Digamma(" + x + ")";

            case UnaryOp.Square: return "(" + x + " * " + x + ")";
            case UnaryOp.Reciprocal: return "(" + t + ".One / " + x + ")";
            case UnaryOp.Sqrt: return _width.Static + ".Sqrt(" + x + ")";
            case UnaryOp.Abs: return _width.Static + ".Abs(" + x + ")";
        }

        if (node.Type != ScalarType.Double || node.Children[0].Type != ScalarType.Double)
        {
            Fail("no vector form of " + node);
            return t + ".Zero";
        }

        // No vector form: the scalar function lane by lane inside the vector block.
        return Kernels + ".Lanes(" + x + ", static v => " + ScalarUnary(node.UnaryOp, "v") + ")";
    }

    /// <summary>
    /// The shared parts of softplus(±x) and σ(±x) in the current frame: e^−|x| (the same bits for x and −x, and for a − b
    /// and b − a, which round alike), computed on first use; the log1p and the quotients are added by their first user.
    /// Each function is printed with exactly the operations of <c>VectorMath.Softplus</c> and <c>VectorKernels.Logistic</c>,
    /// so sharing changes no bit: a logistic regression's NLL + gradient takes one exponential a lane instead of two,
    /// the negative binomial's softplus(±d) and σ(±d) one exponential, one log1p and one division.
    /// </summary>
    private LogisticParts Logistic(Node argument, string operand)
    {
        var key = SignlessKey(argument);
        if (_logisticParts.TryGetValue(key, out var parts) && _frames.Contains(parts.Frame))
        {
            return parts;
        }

        parts = new LogisticParts(_frames.Peek(), Share(Math + ".Exp(-" + _width.Static + ".Abs(" + operand + "))"));
        _logisticParts[key] = parts;
        return parts;
    }

    /// <summary>x and −x (and a − b, b − a) to one key.</summary>
    private static (Node, Node?) SignlessKey(Node x)
    {
        while (x.Kind == NodeKind.Unary && x.UnaryOp == UnaryOp.Negate)
        {
            x = x.Children[0];
        }

        if (x.Kind == NodeKind.Binary && x.BinaryOp == BinaryOp.Subtract)
        {
            var (a, b) = (x.Children[0], x.Children[1]);
            return a.Id < b.Id ? (a, b) : (b, a);
        }

        return (x, null);
    }

    /// <summary>Writes a vector local of <paramref name="expression"/> (before the line being built) and returns its name.</summary>
    private string Share(string expression)
    {
        string name = "s" + (_fresh++).ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
        _writer.Line(_width.Type + " " + name + " = " + expression + ";");
        return name;
    }

    /// <summary>e^−|x| of a softplus or logistic argument, and what its users added, valid while <see cref="Frame"/> is open.</summary>
    private sealed class LogisticParts(List<Node> frame, string exp)
    {
        public List<Node> Frame { get; } = frame;

        public string Exp { get; } = exp;

        public string? Log1p { get; set; }

        public string? Inverse { get; set; }

        public string? Ratio { get; set; }
    }

    private static string ScalarUnary(UnaryOp op, string v) => op switch
    {
        UnaryOp.Tanh => "global::System.Math.Tanh(" + v + ")",
        UnaryOp.Sin => "global::System.Math.Sin(" + v + ")",
        UnaryOp.Cos => "global::System.Math.Cos(" + v + ")",
        UnaryOp.Sign => "(double)global::System.Math.Sign(" + v + ")",
        _ => "global::MleGen.Functions." + op + "(" + v + ")",
    };

    private string Binary(Node node, string a, string b)
    {
        string s = _width.Static;
        bool integer = node.Children[0].Type == ScalarType.Int || node.Children[1].Type == ScalarType.Int;
        switch (node.BinaryOp)
        {
            case BinaryOp.Add: return "(" + a + " + " + b + ")";
            case BinaryOp.Subtract: return "(" + a + " - " + b + ")";
            case BinaryOp.Multiply: return "(" + a + " * " + b + ")";
            case BinaryOp.Divide when !integer: return "(" + a + " / " + b + ")";
            case BinaryOp.Equal: return s + ".Equals(" + a + ", " + b + ")";
            case BinaryOp.NotEqual: return "(~" + s + ".Equals(" + a + ", " + b + "))";
            case BinaryOp.Less: return s + ".LessThan(" + a + ", " + b + ")";
            case BinaryOp.LessOrEqual: return s + ".LessThanOrEqual(" + a + ", " + b + ")";
            case BinaryOp.Greater: return s + ".GreaterThan(" + a + ", " + b + ")";
            case BinaryOp.GreaterOrEqual: return s + ".GreaterThanOrEqual(" + a + ", " + b + ")";
            case BinaryOp.And: return "(" + a + " & " + b + ")";
            case BinaryOp.Or: return "(" + a + " | " + b + ")";
            case BinaryOp.Divide or BinaryOp.Modulo:
                Fail("integer division of per-observation values");
                return _width.Type + ".Zero";
        }

        if (node.Type != ScalarType.Double || integer)
        {
            Fail("no vector form of " + node);
            return _width.Type + ".Zero";
        }

        string lanes;
        if (node.BinaryOp is BinaryOp.LogGammaDifference or BinaryOp.DigammaDifference)
        {
            // The negative binomial's log Γ(y + φ) − log Γ(φ) and ψ(y + φ) − ψ(φ): VectorMath's lanes are the scalar
            // kernel's Functions.LogGammaDifference/DigammaDifference bit for bit.
            lanes = Math + "." + node.BinaryOp + "(" + a + ", " + b + ")";
        }
        else if (node.BinaryOp == BinaryOp.NegativeBinomialDispersionInformation)
        {
            // The φφ entry of the expected information: its series over the lanes at once (VectorKernels; lanes outside
            // the series' domain take the scalar kernels' Functions.NegativeBinomialDispersionInformation).
            lanes = Kernels + "." + node.BinaryOp + "(" + a + ", " + b + ")";
        }
        else
        {
            string f = node.BinaryOp == BinaryOp.Pow ? "global::System.Math.Pow" : "global::MleGen.Functions." + node.BinaryOp;
            lanes = Kernels + ".Lanes(" + a + ", " + b + ", static (u, v) => " + f + "(u, v))";
        }

        // A count table of the chunk holds the same values (the scalar function at each count): the lanes gather them.
        if (!_countTables.TryGetValue(node, out var table))
        {
            return lanes;
        }

        string gather = Kernels + ".Gather" + _width.LanesText + "(" + table.Table + ", " + table.Column + ", i, " + table.Min + ")";
        return CountTableReads switch
        {
            CountTableReads.Tables => gather,
            CountTableReads.Functions => lanes,
            _ => "(" + table.Range + " > 0 ? " + gather + " : " + lanes + ")",
        };
    }

    private void EmitReduction(Node node, string name)
    {
        int variable = node.Variable;
        if (node.Count.DependsOnObservation)
        {
            Fail("a reduction whose count depends on the observation");
            return;
        }

        if (node.Reduction == ReductionKind.Sum && DotProduct(node) is { } dot)
        {
            _writer.Line(_width.Type + " " + name + " = " + Kernels + ".Dot" + _width.LanesText + "(" + MemberAccess.DataLocal(dot.Matrix) + ", i, "
                + MemberAccess.ParameterLocal(dot.Coefficients) + ".Slice(0, " + Scalar(node.Count) + "));");
            return;
        }

        if (node.Reduction == ReductionKind.Sum)
        {
            _writer.Line(_width.Type + " " + name + " = " + _width.Type + ".Zero;");
            OpenLoop(variable);
            Emit(new[] { node.Body });
            _writer.Line(name + " += " + Operand(node.Body) + ";");
            CloseLoop(variable);
            return;
        }

        if (LogSumExpPasses.IsTwoPass(node))
        {
            EmitTwoPassLogSumExp(node, name);
            return;
        }

        // log Σ exp(termⱼ) in one pass per lane: a running maximum m and Σ exp(termⱼ − m), as the scalar code
        // (exp(−|t − m|) is exp(m − t) where t > m and exp(t − m) elsewhere, bit for bit the same difference).
        string t = _width.Type, s = _width.Static;
        string max = name + "_max", sum = name + "_sum", term = name + "_term", e = name + "_e", up = name + "_up";
        _writer.Line(t + " " + max + " = " + s + ".Create(double.NegativeInfinity), " + sum + " = " + t + ".Zero;");
        OpenLoop(variable);
        Emit(new[] { node.Body });
        _writer.Line(t + " " + term + " = " + Operand(node.Body) + ";");
        _writer.Line(t + " " + e + " = " + Math + ".Exp(-" + s + ".Abs(" + term + " - " + max + "));");
        _writer.Line(t + " " + up + " = " + s + ".GreaterThan(" + term + ", " + max + ");");
        _writer.Line(sum + " = " + s + ".ConditionalSelect(" + up + ", " + Kernels + ".Mad(" + sum + ", " + e + ", " + t + ".One), "
            + s + ".ConditionalSelect(" + s + ".GreaterThan(" + term + ", " + s + ".Create(double.NegativeInfinity)), " + sum + " + " + e + ", " + sum + "));");
        _writer.Line(max + " = " + s + ".ConditionalSelect(" + up + ", " + term + ", " + max + ");");
        CloseLoop(variable);
        _writer.Line(t + " " + name + " = " + max + " + " + Math + ".Log(" + sum + ");");
    }

    /// <summary>
    /// log Σ exp(termⱼ) in two passes per lane, as the scalar code (see <see cref="LogSumExpPasses"/>): m = maxⱼ termⱼ
    /// (NaN-propagating), then Σ exp(termⱼ − m), each exponential kept in the cache when the kernel reads the term weights.
    /// An infinite m is the value itself.
    /// </summary>
    private void EmitTwoPassLogSumExp(Node node, string name)
    {
        int variable = node.Variable;
        string t = _width.Type, s = _width.Static;
        string max = name + "_max", sum = name + "_sum", e = name + "_e";
        _writer.Line(t + " " + max + " = " + s + ".Create(double.NegativeInfinity);");
        OpenLoop(variable);
        Emit(new[] { node.Body });
        _writer.Line(max + " = " + s + ".Max(" + max + ", " + Operand(node.Body) + ");");
        CloseLoop(variable);
        _writer.Line(t + " " + sum + " = " + t + ".Zero;");
        _lseCaches.TryGetValue(node, out var cache);
        OpenLoop(variable);
        Emit(new[] { node.Body });
        _writer.Line(t + " " + e + " = " + Math + ".Exp(" + Operand(node.Body) + " - " + max + ");");
        if (cache is not null)
        {
            string index = _scalar.VariableName(variable);
            _writer.Line((Bounded ? "" : "if (" + index + " < " + Literals.Int(LogSumExpPasses.CacheSize) + ") ") + cache + "[" + index + "] = " + e + ";");
        }

        _writer.Line(sum + " += " + e + ";");
        CloseLoop(variable);
        _writer.Line(t + " " + name + " = " + s + ".ConditionalSelect(" + s + ".Equals(" + s + ".Abs(" + max + "), " + s + ".Create(double.PositiveInfinity)), "
            + max + ", " + max + " + " + Math + ".Log(" + sum + "));");
        if (cache is not null)
        {
            string inverse = name + "_inv";
            _writer.Line(t + " " + inverse + " = " + t + ".One / " + sum + ";");
            _lseParts[node] = (max, inverse);
        }
    }

    /// <summary>exp(tⱼ − lse) = eⱼ/s: eⱼ from the cache, or recomputed from the term past it.</summary>
    private void EmitCachedWeight(Node reduce, string name)
    {
        var (max, inverse) = _lseParts[reduce];
        string index = _scalar.VariableName(reduce.Variable);
        if (Bounded)
        {
            _writer.Line(_width.Type + " " + name + " = " + _lseCaches[reduce] + "[" + index + "] * " + inverse + ";");
            return;
        }

        _writer.Line(_width.Type + " " + name + ";");
        _writer.Line("if (" + index + " < " + Literals.Int(LogSumExpPasses.CacheSize) + ") " + name + " = " + _lseCaches[reduce] + "[" + index + "] * " + inverse + ";");
        _writer.Line("else");
        _writer.Line("{");
        _writer.Indent();
        _frames.Push(new List<Node>());
        Emit(new[] { reduce.Body });
        _writer.Line(name + " = " + Math + ".Exp(" + Operand(reduce.Body) + " - " + max + ") * " + inverse + ";");
        foreach (var node in _frames.Pop())
        {
            _locals.Remove(node);
            _vectors.Remove(node);
        }

        _writer.Unindent();
        _writer.Line("}");
    }

    /// <summary>A value of the observation and exactly one loop index, computed by arithmetic: a candidate for a loop cache.</summary>
    private bool IsLoopValue(Node node) =>
        node.DependsOnObservation && node.FreeVariables.ToArray().Length == 1 && node.Kind is not (NodeKind.Reduce or NodeKind.Data or NodeKind.Param or NodeKind.ObservationIndex)
        && _bound.Contains(node.FreeVariables.ToArray()[0]);

    /// <summary>The log-sum-exp whose cache holds <paramref name="node"/> (exp(tⱼ − lse), lse computed in this block with its cache), or null.</summary>
    private Node? CachedWeight(Node node) =>
        LogSumExpPasses.IsTermWeight(node, out var reduce) && _lseParts.ContainsKey(reduce) && _vectors.Contains(reduce) ? reduce : null;

    /// <summary>Σⱼ Beta[j]·X[i, j] (either order): the FMA row dot products of the block.</summary>
    private (string Matrix, string Coefficients)? DotProduct(Node reduce)
    {
        var body = reduce.Body;
        if (body.Kind != NodeKind.Binary || body.BinaryOp != BinaryOp.Multiply)
        {
            return null;
        }

        for (int k = 0; k < 2; k++)
        {
            var x = body.Children[k];
            var beta = body.Children[1 - k];
            if (IsRowElement(x, reduce.Variable) && IsVectorParameter(beta, reduce.Variable))
            {
                return (x.Member, beta.Member);
            }
        }

        return null;
    }

    /// <summary>True for <c>X[i, v]</c> with X a <c>double[,]</c> data member.</summary>
    public bool IsRowElement(Node node, int variable) => IsRowElement(_members, node, variable);

    /// <summary>True for <c>X[i, v]</c> with X a <c>double[,]</c> data member of <paramref name="members"/>.</summary>
    public static bool IsRowElement(MemberAccess members, Node node, int variable) =>
        node.Kind == NodeKind.Data && node.Children.Length == 2 && members.IsData(node.Member) && members.DataType(node.Member) == "double[,]"
        && node.Children[0].Kind == NodeKind.ObservationIndex && node.Children[1].Kind == NodeKind.Variable && node.Children[1].Variable == variable;

    /// <summary>True for <c>Beta[v]</c> with Beta a <c>double[]</c> parameter.</summary>
    public bool IsVectorParameter(Node node, int variable) => IsVectorParameter(_spec, node, variable);

    /// <summary>True for <c>Beta[v]</c> with Beta a <c>double[]</c> parameter of <paramref name="spec"/>.</summary>
    public static bool IsVectorParameter(ModelSpec spec, Node node, int variable) =>
        node.Kind == NodeKind.Param && node.Children.Length == 1 && node.Children[0].Kind == NodeKind.Variable && node.Children[0].Variable == variable
        && spec.Parameters.Any(p => p.Name == node.Member && p.Shape == ParamShape.Vector);

    /// <summary>True when a reduction the scalar printer would need is not computed (it prints those as NaN).</summary>
    private bool HasPendingReduction(Node node)
    {
        var stack = new Stack<Node>();
        var seen = new HashSet<Node>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (_locals.ContainsKey(n) || !seen.Add(n))
            {
                continue;
            }

            if (n.Kind == NodeKind.Reduce)
            {
                return true;
            }

            foreach (var child in n.Children)
            {
                stack.Push(child);
            }
        }

        return false;
    }

    /// <summary>
    /// Both branches of a conditional are computed for every lane: they must not throw where the scalar code would not
    /// run them — array reads only at the observation's row or a loop index, no integer division.
    /// </summary>
    private bool BranchesAreSafe(Node conditional)
    {
        var stack = new Stack<Node>();
        var seen = new HashSet<Node>();
        stack.Push(conditional.Children[1]);
        stack.Push(conditional.Children[2]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (_locals.ContainsKey(n) || !seen.Add(n))
            {
                continue;
            }

            bool safe = n.Kind switch
            {
                NodeKind.Data or NodeKind.Param => n.Children.All(c => c.Kind is NodeKind.ObservationIndex or NodeKind.Variable),
                NodeKind.Binary => !(n.Type == ScalarType.Int && n.BinaryOp is BinaryOp.Divide or BinaryOp.Modulo),
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

/// <summary>How a vector block reads a value its chunk's count table holds (<see cref="VectorBlock.CountTableReads"/>).</summary>
internal enum CountTableReads
{
    /// <summary>The table when the chunk has one (<c>range_Y &gt; 0</c>), else the function: a test at each read.</summary>
    Either,

    /// <summary>Always the table: the copy of the loop that runs when every table of the chunk exists.</summary>
    Tables,

    /// <summary>Always the function: the copy of the loop that runs otherwise.</summary>
    Functions,
}
