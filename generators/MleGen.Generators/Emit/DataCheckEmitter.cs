using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Families;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// The checks of one likelihood term that need the model's expressions, emitted into <c>ValidateData</c>
/// and so run once per data set, never in the evaluation loops:
/// <list type="bullet">
/// <item>every index the term computes from data or offsets (<c>Mu[G[i]]</c>, <c>X[i + 1]</c>, <c>X[i, 1]</c>,
/// <c>W[k - 1, j]</c>) lies inside the member it reads, for every observation and lambda index it is evaluated
/// at (under the branch conditions that guard it);</item>
/// <item>every family argument computed from data alone is in the family's domain (an sd of −1 in the data);</item>
/// <item>every expression of data alone that feeds the θ-dependent log-likelihood is finite (<c>Math.Log(Exposure[i])</c>
/// with Exposure[i] ≤ 0).</item>
/// </list>
/// Each failure is a <c>ModelDataException</c> naming the member, index and value, the term and the observation.
/// Checks that do not depend on the observation run once, before the loop over observations.
/// </summary>
internal sealed class DataCheckEmitter
{
    private const string Checks = "global::MleGen.DataChecks";

    private readonly ModelIr _model;
    private readonly TermIr _term;
    private readonly ExpressionPrinter _printer;
    private readonly MemberAccess _members;
    private readonly Dictionary<Node, string> _inline = new();
    private readonly Dictionary<Node, HashSet<(Node Condition, bool Value)>> _guards = new();
    private readonly Dictionary<Node, bool> _hasReduce = new();

    private DataCheckEmitter(ModelIr model, TermIr term, ExpressionPrinter printer, MemberAccess members)
    {
        _model = model;
        _term = term;
        _printer = printer;
        _members = members;
    }

    /// <summary>Emits the term's checks; <paramref name="supportCheck"/> writes the observation's support check at the top of the loop over observations (y in scope as <c>y</c>).</summary>
    public static void Emit(IndentedWriter w, ModelIr model, TermIr term, ExpressionPrinter printer, MemberAccess members, System.Action<IndentedWriter>? supportCheck)
    {
        var emitter = new DataCheckEmitter(model, term, printer, members);
        emitter.EmitAll(w, supportCheck);
    }

    private string Term => _term.Spec.MethodName;

    private string Observed => _term.Spec.Observed;

    private void EmitAll(IndentedWriter w, System.Action<IndentedWriter>? supportCheck)
    {
        AnalyzeGuards(new[] { _term.Nll, _term.Constant });
        var checks = Collect();
        EmitVectorArguments(w);
        foreach (var check in checks.Where(c => !c.PerObservation))
        {
            check.Emit(w);
        }

        var loop = checks.Where(c => c.PerObservation).ToList();
        if (supportCheck is null && loop.Count == 0)
        {
            return;
        }

        using (w.Block("for (int i = 0; i < " + LikelihoodEmitter.RowCount(_term.Spec) + "; i++)"))
        {
            supportCheck?.Invoke(w);
            foreach (var check in loop)
            {
                check.Emit(w);
            }
        }
    }

    /// <summary>One check, placed by the node it is about (ascending ids: an index is checked before any expression reading through it).</summary>
    private sealed record Check(int Order, bool PerObservation, System.Action<IndentedWriter> Emit);

    private List<Check> Collect()
    {
        var checks = new List<Check>();
        var arguments = new HashSet<Node>();
        var domains = ArgumentDomains.Of(_term.Spec.Family);
        for (int k = 0; k < _term.FamilyParameters.Count && k < domains.Count; k++)
        {
            var argument = _term.FamilyParameters[k];
            arguments.Add(argument);
            // Checked wherever the density uses it: the family's constructor takes it whatever the observation.
            // A literal is the model's own business (and printing "3 >= 1" for CategoricalLogits.Of(3, …) is noise).
            if (!argument.DependsOnParameters && argument.Kind != NodeKind.Constant && argument.FreeVariables.IsEmpty && !HasReduce(argument) && !GuardHasReduce(argument))
            {
                var (name, domain) = domains[k];
                checks.Add(new Check(argument.Id, argument.DependsOnObservation, w => EmitArgument(w, argument, name, domain)));
            }
        }

        foreach (var node in _guards.Keys.OrderBy(n => n.Id))
        {
            if (node.Kind is NodeKind.Data or NodeKind.Param)
            {
                for (int d = 0; d < node.Children.Length; d++)
                {
                    if (NeedsIndexCheck(node, d))
                    {
                        var read = node;
                        int dimension = d;
                        var variables = LoopVariables(read.Children[d]);
                        bool perObservation = read.Children[d].DependsOnObservation || GuardDependsOnObservation(read)
                            || variables.Any(v => _model.Builder.CountOf(v).DependsOnObservation);
                        checks.Add(new Check(read.Id, perObservation, w => EmitIndex(w, read, dimension, variables)));
                    }
                }
            }
        }

        foreach (var node in DataOnlyOperands())
        {
            if (!arguments.Contains(node))
            {
                checks.Add(new Check(node.Id, node.DependsOnObservation || GuardDependsOnObservation(node), w => EmitFinite(w, node)));
            }
        }

        return checks.OrderBy(c => c.Order).ToList();
    }

    /// <summary>An index needs a check unless it is the observation index (the length checks cover it) or a lambda index over this very dimension's length.</summary>
    private bool NeedsIndexCheck(Node read, int dimension)
    {
        var index = read.Children[dimension];
        if (read.Member == FamilyTable.KinkSmoothingField || index.Kind == NodeKind.ObservationIndex)
        {
            return false;
        }

        if (index.Kind == NodeKind.Variable && _model.Builder.CountOf(index.Variable).Kind == NodeKind.Length)
        {
            // Over another member's length: the length checks require the two to be equal.
            return false;
        }

        // A guard that reads a lambda index not bound around the read cannot be evaluated here: the kernels'
        // own bounds checks stay (conservative: never a false alarm).
        return !HasReduce(index) && !GuardHasReduce(read) && GuardVariables(read).IsSubsetOf(index.FreeVariables.Union(CountClosure(index.FreeVariables)));
    }

    /// <summary>The data-only computed operands of θ-dependent nodes (outside branch conditions): the values the data feed into the log-likelihood.</summary>
    private IEnumerable<Node> DataOnlyOperands()
    {
        var result = new HashSet<Node>();
        var seen = new HashSet<Node>();
        var stack = new Stack<Node>();
        stack.Push(_term.Nll);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node) || !node.DependsOnParameters)
            {
                continue;
            }

            for (int k = 0; k < node.Children.Length; k++)
            {
                if (node.Kind == NodeKind.Conditional && k == 0)
                {
                    continue;
                }

                var child = node.Children[k];
                if (child.DependsOnParameters)
                {
                    stack.Push(child);
                }
                else if (child.Type == ScalarType.Double && child.Kind is NodeKind.Unary or NodeKind.Binary or NodeKind.Conditional
                    && child.FreeVariables.IsEmpty && !HasReduce(child) && _guards.TryGetValue(child, out var guard) && guard.All(c => c.Condition.FreeVariables.IsEmpty && !HasReduce(c.Condition)))
                {
                    result.Add(child);
                }
            }
        }

        return result.OrderBy(n => n.Id);
    }

    private void EmitArgument(IndentedWriter w, Node argument, string name, string domain)
    {
        string domainValue = "global::MleGen.ArgumentDomain." + domain;
        w.Line("// the " + name + " of " + _term.Spec.Family + ", from data alone");
        using (w.Block())
        {
            w.Line("double value = " + Print(argument) + ";");
            var (member, index) = Blame(argument, argument.DependsOnObservation);
            w.Line("if (!" + Checks + ".IsIn(value, " + domainValue + ")) throw " + Checks + ".ArgumentOutside(" + member + ", " + index + ", "
                + Literals.String(Term) + ", " + Observation(argument) + ", " + Literals.String(_term.Spec.Family.ToString()) + ", " + Literals.String(name) + ", "
                + domainValue + ", " + Literals.String(Text(argument)) + ", value, " + Reads(argument) + ");");
        }
    }

    private void EmitFinite(IndentedWriter w, Node node)
    {
        w.Line("// " + Text(node) + " is finite");
        using (CheckBlock(w, node))
        {
            w.Line("double value = " + Print(node) + ";");
            var (member, index) = Blame(node, node.DependsOnObservation);
            w.Line("if (!double.IsFinite(value)) throw " + Checks + ".NotFinite(" + member + ", " + index + ", " + Literals.String(Term) + ", "
                + Observation(node) + ", " + Literals.String(Text(node)) + ", value, " + Reads(node) + ");");
        }
    }

    private void EmitIndex(IndentedWriter w, Node read, int dimension, int[] variables)
    {
        var index = read.Children[dimension];
        int rank = read.Children.Length;
        string length = _members.Length(read.Member, rank == 1 ? -1 : dimension);
        w.Line("// " + Text(read) + ": " + (rank == 1 ? "the index" : dimension == 0 ? "the row" : "the column") + " lies inside " + read.Member);
        var loops = new List<IndentedWriter.BlockScope>();
        foreach (int v in variables)
        {
            string name = _printer.VariableName(v);
            loops.Add(w.Block("for (int " + name + " = 0; " + name + " < " + Print(_model.Builder.CountOf(v)) + "; " + name + "++)"));
        }

        using (CheckBlock(w, read))
        {
            w.Line("int at = " + Print(index) + ";");
            var source = FirstDataRead(index);
            string blame = source is null
                ? Literals.String(read.Member) + ", -1, 0d"
                : Literals.String(source.Member) + ", " + ElementIndex(source) + ", " + ElementValue(source);
            bool perObservation = index.DependsOnObservation || GuardDependsOnObservation(read)
                || variables.Any(v => _model.Builder.CountOf(v).DependsOnObservation);
            w.Line("if ((uint)at >= (uint)" + length + ") throw " + Checks + ".IndexOutside(" + blame + ", " + Literals.String(Term) + ", "
                + (perObservation ? "i" : "-1") + ", " + Literals.String(Text(read)) + ", " + Literals.String(read.Member) + ", "
                + Literals.Int(dimension) + ", " + Literals.Int(rank) + ", at, " + length + ");");
        }

        for (int k = loops.Count - 1; k >= 0; k--)
        {
            loops[k].Dispose();
        }
    }

    /// <summary>The blamed member and element: the first datum the expression reads, or the observed member at the observation.</summary>
    private (string Member, string Index) Blame(Node node, bool perObservation)
    {
        var source = FirstDataRead(node);
        return source is null
            ? (Literals.String(Observed), perObservation ? "i" : "-1")
            : (Literals.String(source.Member), ElementIndex(source));
    }

    private string Observation(Node node) => node.DependsOnObservation ? "i" : "-1";

    /// <summary>The first data member read in <paramref name="node"/>, depth first from the left (not the kink smoothing).</summary>
    private static Node? FirstDataRead(Node node) => FirstDataRead(node, new HashSet<Node>());

    private static Node? FirstDataRead(Node node, HashSet<Node> visited)
    {
        if (node.Kind == NodeKind.Data && node.Member != FamilyTable.KinkSmoothingField)
        {
            return node;
        }

        foreach (var child in node.Children)
        {
            if (visited.Add(child) && FirstDataRead(child, visited) is { } read)
            {
                return read;
            }
        }

        return null;
    }

    /// <summary>The element a data read names in a <c>ModelDataException</c>: its index, row-major for a matrix, −1 for a scalar.</summary>
    private string ElementIndex(Node read) => read.Children.Length switch
    {
        0 => "-1",
        1 => Print(read.Children[0]),
        _ => "(" + Print(read.Children[0]) + ") * this." + Identifiers.Escape(read.Member) + ".GetLength(1) + (" + Print(read.Children[1]) + ")",
    };

    private string ElementValue(Node read) => read.Type switch
    {
        ScalarType.Bool => "(" + Print(read) + " ? 1d : 0d)",
        ScalarType.Int => "(double)" + Print(read),
        _ => Print(read),
    };

    /// <summary><c>DataChecks.Reads(Element("Exposure", i, this.Exposure[i]), …)</c> for the data <paramref name="node"/> reads (evaluated only when the check fails).</summary>
    private string Reads(Node node)
    {
        var reads = new List<Node>();
        var visited = new HashSet<Node>();
        Collect(node);
        if (reads.Count == 0)
        {
            return "\"\"";
        }

        return Checks + ".Reads(" + string.Join(", ", reads.Select(Element)) + ")";

        void Collect(Node n)
        {
            if (!visited.Add(n))
            {
                return;
            }

            if (n.Kind == NodeKind.Data && n.Member != FamilyTable.KinkSmoothingField && n.FreeVariables.IsEmpty && !reads.Contains(n))
            {
                reads.Add(n);
            }

            foreach (var child in n.Children)
            {
                Collect(child);
            }
        }

        string Element(Node read) => read.Children.Length switch
        {
            0 => Checks + ".Element(" + Literals.String(read.Member) + ", " + ElementValue(read) + ")",
            1 => Checks + ".Element(" + Literals.String(read.Member) + ", " + Print(read.Children[0]) + ", " + ElementValue(read) + ")",
            _ => Checks + ".Element(" + Literals.String(read.Member) + ", " + Print(read.Children[0]) + ", " + Print(read.Children[1]) + ", " + ElementValue(read) + ")",
        };
    }

    /// <summary>Mixture weights, means or sds given as whole data vectors: each element in the argument's domain.</summary>
    private void EmitVectorArguments(IndentedWriter w)
    {
        var domains = ArgumentDomains.Of(_term.Spec.Family);
        for (int k = 0; k < _term.Spec.Arguments.Count && k < domains.Count; k++)
        {
            if (_term.Spec.Arguments[k] is MemberVectorSpec { IsParameter: false } vector)
            {
                var (name, domain) = domains[k];
                w.Line(Checks + ".RequireDomain(this." + Identifiers.Escape(vector.Member) + ", " + Literals.String(vector.Member) + ", global::MleGen.ArgumentDomain." + domain + ", "
                    + Literals.String(_term.Spec.Family.ToString()) + ", " + Literals.String(name) + ");");
            }
        }
    }

    private string Print(Node node) => _printer.Print(node, _inline);

    private string Text(Node node) => SourceText.Of(node, _model.Builder.Variables);

    private bool HasReduce(Node node)
    {
        if (_hasReduce.TryGetValue(node, out bool known))
        {
            return known;
        }

        bool result = node.Kind == NodeKind.Reduce || node.Children.Any(HasReduce);
        _hasReduce[node] = result;
        return result;
    }

    // ----- branch guards -----

    /// <summary>
    /// For every node reachable from <paramref name="roots"/>, the branch conditions on every path to it (the
    /// analysis of <see cref="Guards"/>, kept as condition sets so that no IR node is created here).
    /// </summary>
    private void AnalyzeGuards(IReadOnlyList<Node> roots)
    {
        var reachable = new HashSet<Node>();
        var stack = new Stack<Node>(roots);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (reachable.Add(node))
            {
                foreach (var child in node.Children)
                {
                    stack.Push(child);
                }
            }
        }

        foreach (var root in roots)
        {
            _guards[root] = new HashSet<(Node, bool)>();
        }

        foreach (var node in reachable.OrderByDescending(n => n.Id))
        {
            if (!_guards.TryGetValue(node, out var own))
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

                if (_guards.TryGetValue(child, out var existing))
                {
                    existing.IntersectWith(reaching);
                }
                else
                {
                    _guards[child] = reaching;
                }
            }
        }
    }

    private HashSet<(Node Condition, bool Value)> Guard(Node node) => _guards.TryGetValue(node, out var guard) ? guard : new HashSet<(Node, bool)>();

    /// <summary>
    /// Whether a branch condition guarding the node holds a reduction (<c>G[i] &gt;= Sum(2, k =&gt; …) ? … : …</c>): the checks
    /// print conditions inline and a reduction has no inline form, so such a node is left to the kernels' own checks.
    /// </summary>
    private bool GuardHasReduce(Node node) => Guard(node).Any(c => HasReduce(c.Condition));

    private bool GuardDependsOnObservation(Node node) => Guard(node).Any(c => c.Condition.DependsOnObservation);

    private VariableSet GuardVariables(Node node)
    {
        var set = VariableSet.Empty;
        foreach (var (condition, _) in Guard(node))
        {
            set = set.Union(condition.FreeVariables);
        }

        return set;
    }

    /// <summary>The block of one check (its locals stay in it): <c>if (c₁ &amp;&amp; !c₂) {</c> when the node is guarded by branch conditions, a bare <c>{</c> otherwise.</summary>
    private IndentedWriter.BlockScope CheckBlock(IndentedWriter w, Node node)
    {
        var guard = Guard(node);
        if (guard.Count == 0)
        {
            return w.Block();
        }

        var terms = guard.OrderBy(c => c.Condition.Id).ThenBy(c => c.Value).Select(c => c.Value ? Print(c.Condition) : "!" + Print(c.Condition));
        return w.Block("if (" + string.Join(" && ", terms) + ")");
    }

    /// <summary>The lambda indices to loop over to evaluate an index: its own and those its guard and counts read, outermost first.</summary>
    private int[] LoopVariables(Node index)
    {
        var set = index.FreeVariables;
        set = set.Union(CountClosure(set));
        var variables = _model.Builder.Variables;
        return set.ToArray().OrderBy(v => variables[v].Depth).ThenBy(v => v).ToArray();
    }

    private VariableSet CountClosure(VariableSet set)
    {
        var result = set;
        bool grew = true;
        while (grew)
        {
            var next = result;
            foreach (int v in result.ToArray())
            {
                next = next.Union(_model.Builder.CountOf(v).FreeVariables);
            }

            grew = !next.Equals(result);
            result = next;
        }

        return result;
    }

}
