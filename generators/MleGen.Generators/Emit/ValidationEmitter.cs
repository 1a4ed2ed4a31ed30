using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// Emits <c>ValidateData()</c> (null, empty, NaN/infinite, lengths, weights, support, indices, family
/// arguments and expressions of data alone — each error naming the member and index), the data-only part
/// of the NLL it sums, and <c>__EnsureReady</c>, which runs both once per data set: again when a data array
/// or an array parameter is replaced or a scalar datum changes, never inside the evaluation loops. Changes
/// made inside an array are not seen by that test: <c>ValidateData()</c> is the documented way to declare
/// them (every fit calls it), and a non-finite result of an evaluation re-runs it.
/// </summary>
internal static class ValidationEmitter
{
    private const string Checks = "global::MleGen.DataChecks";

    /// <summary>The guard every public member that touches the model's state enters first (see <c>MleGen.ExclusiveUse</c>).</summary>
    public const string EnterExclusiveUse = "using global::MleGen.ExclusiveUse.Scope __use = global::MleGen.ExclusiveUse.Enter(this);";

    public static void Emit(IndentedWriter w, ModelIr model, MemberAccess members, string generatedCode)
    {
        var spec = model.Spec;
        var arrays = spec.Data.Where(d => d.Kind is not (DataKind.Double or DataKind.Int)).Select(d => d.Name)
            .Concat(spec.Parameters.Where(p => p.Shape != ParamShape.Scalar).Select(p => p.Name)).ToList();
        var scalars = spec.Data.Where(d => d.Kind is DataKind.Double or DataKind.Int).ToList();

        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("public void ValidateData()"))
        {
            w.Line(EnterExclusiveUse);
            w.Line("__Revalidate();");
        }

        w.Line();
        w.Line("/// <summary>The checks of <see cref=\"ValidateData\"/>, in the order the evaluation would read the data.</summary>");
        using (w.Block("private void __CheckData()"))
        {
            EmitChecks(w, model, members);
        }

        w.Line();
        w.Line("private object?[]? __validatedArrays;");
        if (scalars.Count > 0)
        {
            w.Line("private double[]? __validatedScalars;");
        }

        w.Line("private double __dataConstant;");
        w.Line();
        w.Line("/// <summary>Validates the data, sums the NLL's data-only terms and remembers which data set (arrays, array parameters, scalars) that was.</summary>");
        using (w.Block("private void __Revalidate()"))
        {
            w.Line("object?[] arrays = this.__validatedArrays ?? new object?[" + arrays.Count + "];");
            w.Line("this.__validatedArrays = null; // not valid until every check has passed");
            w.Line("__CheckData();");
            w.Line("// the NLL's data-only terms, once per data set, summed chunk by chunk in the evaluator's fixed order (as a cluster sums them)");
            w.Line("double constant = global::MleGen.ChunkedEvaluator.DataConstant(this);");
            using (w.Block("if (!double.IsFinite(constant))"))
            {
                w.Line("// name the term and observation whose data-only part is undefined");
                for (int t = 0; t < model.Terms.Count; t++)
                {
                    var term = model.Terms[t].Spec;
                    string local = "constant" + Literals.Int(t);
                    string method = LikelihoodEmitter.ConstantMethod(t);
                    w.Line("double " + local + " = " + method + "(0, " + LikelihoodEmitter.RowCount(term) + ");");
                    w.Line("if (!double.IsFinite(" + local + ")) throw " + Checks + ".UndefinedConstant(" + Literals.String(term.MethodName) + ", " + Literals.String(term.IsSingle ? term.MethodName : term.Observed)
                        + ", " + LikelihoodEmitter.RowCount(term) + ", " + local + ", " + method + ");");
                }
            }

            w.Line("this.__dataConstant = constant;");
            w.Line("// the data set these checks and sums are for (allocated once, refilled in place)");
            if (scalars.Count > 0)
            {
                w.Line("double[] scalars = this.__validatedScalars ??= new double[" + scalars.Count + "];");
                for (int k = 0; k < scalars.Count; k++)
                {
                    w.Line("scalars[" + k + "] = this." + Identifiers.Escape(scalars[k].Name) + ";");
                }
            }

            for (int k = 0; k < arrays.Count; k++)
            {
                w.Line("arrays[" + k + "] = this." + Identifiers.Escape(arrays[k]) + ";");
            }

            w.Line("this.__validatedArrays = arrays;");
        }

        w.Line();
        w.Line("/// <summary>Checks θ's length and validates the data once per data set.</summary>");
        using (w.Block("private void __EnsureReady(int thetaLength)"))
        {
            w.Line("__RequireLength(thetaLength, \"theta\");");
            var conditions = new List<string> { "this.__validatedArrays is null" };
            conditions.AddRange(arrays.Select((name, k) => "!ReferenceEquals(this.__validatedArrays[" + k + "], this." + Identifiers.Escape(name) + ")"));
            conditions.AddRange(scalars.Select((d, k) => "this.__validatedScalars![" + k + "] != this." + Identifiers.Escape(d.Name)));
            using (w.Block("if (" + string.Join(" || ", conditions) + ")"))
            {
                w.Line("__Revalidate();");
            }
        }

        w.Line();
    }

    private static void EmitChecks(IndentedWriter w, ModelIr model, MemberAccess members)
    {
        var spec = model.Spec;
        foreach (var d in spec.Data.Where(d => d.Kind is not (DataKind.Double or DataKind.Int)))
        {
            w.Line(Checks + ".RequireNotNull(this." + Identifiers.Escape(d.Name) + ", " + Literals.String(d.Name) + ");");
        }

        var boundsOnly = TruncationBoundsOnly(spec);
        var infiniteArguments = InfiniteArgumentsOnly(spec);
        foreach (var d in spec.Data.Where(d => d.Kind is DataKind.Double or DataKind.DoubleArray or DataKind.DoubleMatrix))
        {
            string member = "this." + Identifiers.Escape(d.Name) + ", " + Literals.String(d.Name);
            if (!boundsOnly.TryGetValue(d.Name, out var sides))
            {
                // A member read only as a whole family argument whose domain allows +∞ (StudentT's ν) is checked against
                // that domain with the term's arguments; finiteness would refuse the normal limit.
                w.Line(Checks + (infiniteArguments.Contains(d.Name) ? ".RequireNotNaN(" : ".RequireFinite(") + member + ");");
                continue;
            }

            // A member read only as a truncation bound may be −∞ below, +∞ above (no bound on that side of that row).
            foreach (bool below in new[] { true, false }.Where(b => b ? sides.Below : sides.Above))
            {
                w.Line(Checks + ".RequireTruncationBound(" + member + ", " + (below ? "true" : "false") + ");");
            }
        }

        var printer = new ExpressionPrinter(members, model.Builder.Variables);
        var empty = new Dictionary<Node, string>();
        var emittedLengths = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var term in model.Terms)
        {
            var t = term.Spec;
            w.Line("// " + t.MethodName + ": " + LikelihoodEmitter.Describe(t).Replace("<c>", "").Replace("</c>", ""));
            if (!t.IsSingle)
            {
                w.Line(Checks + ".RequireNotEmpty(this." + Identifiers.Escape(t.Observed) + ", " + Literals.String(t.Observed) + ");");
            }

            if (t.Weights is not null)
            {
                w.Line(Checks + ".RequireLength(this." + Identifiers.Escape(t.Weights) + ".Length, this." + Identifiers.Escape(t.Observed) + ".Length, " + Literals.String(t.Weights) + ", " + Literals.String("the number of weights") + ");");
                w.Line(Checks + ".RequireNonNegativeWeights(this." + Identifiers.Escape(t.Weights) + ", " + Literals.String(t.Weights) + ");");
            }

            foreach (var line in LengthChecks(model, term, printer, empty))
            {
                if (emittedLengths.Add(line))
                {
                    w.Line(line);
                }
            }

            if (t.RightCensored is not null && t.LeftCensored is not null)
            {
                w.Line(Checks + ".RequireNotBothCensored(this." + Identifiers.Escape(t.RightCensored) + ", this." + Identifiers.Escape(t.LeftCensored) + ", " + Literals.String(t.RightCensored) + ", " + Literals.String(t.LeftCensored) + ");");
            }

            DataCheckEmitter.Emit(w, model, term, printer, members, SupportCheck(term, printer, empty));
            TruncationChecks(w, model, term, printer, empty);
        }
    }

    /// <summary>The data members read only as truncation bounds (not observed, weights, nor read by any expression), with the sides they bound.</summary>
    private static Dictionary<string, (bool Below, bool Above)> TruncationBoundsOnly(ModelSpec spec)
    {
        var bounds = new Dictionary<string, (bool Below, bool Above)>(System.StringComparer.Ordinal);
        foreach (var likelihood in spec.Likelihoods)
        {
            if (likelihood.TruncatedBelow is { } below)
            {
                bounds[below] = (true, bounds.TryGetValue(below, out var s) && s.Above);
            }

            if (likelihood.TruncatedAbove is { } above)
            {
                bounds[above] = (bounds.TryGetValue(above, out var s) && s.Below, true);
            }
        }

        if (bounds.Count == 0)
        {
            return bounds;
        }

        var expressions = Diagnostics.Lint.SpecWalk.AllExpressions(spec)
            .Concat(spec.Derived.SelectMany(d => Diagnostics.Lint.SpecWalk.DescendantsAndSelf(d.Expression)))
            .Concat(spec.Names.SelectMany(n => Diagnostics.Lint.SpecWalk.DescendantsAndSelf(n.Value)));
        foreach (var e in expressions)
        {
            switch (e)
            {
                case DataReadSpec d:
                    bounds.Remove(d.Member);
                    break;
                case MemberVectorSpec m:
                    bounds.Remove(m.Member);
                    break;
                case LengthSpec l:
                    bounds.Remove(l.Member);
                    break;
            }
        }

        foreach (var likelihood in spec.Likelihoods)
        {
            bounds.Remove(likelihood.Observed);
            if (likelihood.Weights is { } weights)
            {
                bounds.Remove(weights);
            }
        }

        return bounds;
    }

    /// <summary>
    /// The data members read only as a whole family argument whose domain allows +∞ (<c>StudentT(Nu, …)</c> with a
    /// <c>[Data] double Nu</c>): no other expression, index, bound, observation or weight reads them.
    /// </summary>
    private static HashSet<string> InfiniteArgumentsOnly(ModelSpec spec)
    {
        var candidates = new HashSet<string>(System.StringComparer.Ordinal);
        var others = new List<ExprSpec>();
        var read = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var likelihood in spec.Likelihoods)
        {
            IReadOnlyList<(string Name, string Domain)> domains = likelihood.IsCustom ? System.Array.Empty<(string, string)>() : Families.ArgumentDomains.Of(likelihood.Family);
            for (int k = 0; k < likelihood.Arguments.Count; k++)
            {
                var argument = likelihood.Arguments[k];
                if (k < domains.Count && domains[k].Domain == Families.ArgumentDomains.PositiveOrInfinity && argument is DataReadSpec whole)
                {
                    candidates.Add(whole.Member);
                    others.AddRange(whole.Indices);
                }
                else
                {
                    others.Add(argument);
                }
            }

            foreach (var member in new[] { likelihood.Observed, likelihood.Weights, likelihood.TruncatedBelow, likelihood.TruncatedAbove })
            {
                if (member is not null)
                {
                    read.Add(member);
                }
            }
        }

        if (candidates.Count == 0)
        {
            return candidates;
        }

        var expressions = others.SelectMany(Diagnostics.Lint.SpecWalk.DescendantsAndSelf)
            .Concat(spec.Derived.SelectMany(d => Diagnostics.Lint.SpecWalk.DescendantsAndSelf(d.Expression)))
            .Concat(spec.Names.SelectMany(n => Diagnostics.Lint.SpecWalk.DescendantsAndSelf(n.Value)));
        foreach (var e in expressions)
        {
            switch (e)
            {
                case DataReadSpec d:
                    read.Add(d.Member);
                    break;
                case MemberVectorSpec m:
                    read.Add(m.Member);
                    break;
                case LengthSpec l:
                    read.Add(l.Member);
                    break;
            }
        }

        candidates.ExceptWith(read);
        return candidates;
    }

    /// <summary>Every observation lies in the allowed region of its truncation: above L (discrete: L a whole number, y &gt; L) and at most U.</summary>
    private static void TruncationChecks(IndentedWriter w, ModelIr model, TermIr term, ExpressionPrinter printer, Dictionary<Node, string> empty)
    {
        var t = term.Spec;
        if (!t.IsTruncated)
        {
            return;
        }

        bool discrete = Families.FamilyTable.IsDiscreteTruncation(t.Family);
        using (w.Block("for (int i = 0; i < this." + Identifiers.Escape(t.Observed) + ".Length; i++)"))
        {
            foreach (var (member, below) in new[] { (t.TruncatedBelow, true), (t.TruncatedAbove, false) })
            {
                if (ModelIr.Bound(model.Spec, model.Builder, member) is not { } bound)
                {
                    continue;
                }

                string index = bound.Children.IsEmpty ? "-1" : "i";
                string observed = "this." + Identifiers.Escape(t.Observed) + "[i]";
                observed = term.Observation.Type == ScalarType.Bool ? "(" + observed + " ? 1d : 0d)" : "(double)" + observed;
                w.Line(Checks + ".RequireInsideTruncation(" + observed + ", " + Literals.String(t.Observed) + ", i, " + printer.Print(bound, empty) + ", "
                    + Literals.String(member!) + ", " + index + ", " + (below ? "true" : "false") + ", " + (discrete ? "true" : "false") + ");");
            }
        }
    }

    /// <summary>The observation's support check at the top of the loop over observations, or null for bool observations (always in support).</summary>
    private static System.Action<IndentedWriter>? SupportCheck(TermIr term, ExpressionPrinter printer, Dictionary<Node, string> empty)
    {
        var t = term.Spec;
        if (term.Observation.Type == ScalarType.Bool || t.IsCustom)
        {
            // A custom term's rows member has no family support to check.
            return null;
        }

        string family = "global::MleGen." + t.Family;
        int bound = Families.FamilyRegistry.Get(t.Family).SupportBound;
        string extra = t.Family == FamilyKind.OrderedLogistic && t.Arguments[1] is MemberVectorSpec cuts
            ? ", this." + Identifiers.Escape(cuts.Member) + ".Length + 1" // K classes: the cut-points and one
            : bound < 0 ? "" : ", " + printer.Print(term.FamilyParameters[bound], empty);
        return w =>
        {
            w.Line("double y = this." + Identifiers.Escape(t.Observed) + "[i];");
            w.Line("if (!" + family + ".IsInSupport(y" + extra + ")) throw global::MleGen.DataChecks.OutsideSupport(" + Literals.String(t.Observed) + ", i, y, " + Literals.String(t.Family.ToString()) + ", " + family + ".SupportDescription);");
        };
    }

    /// <summary>Every member read with index i must have as many rows as there are observations; every read with a lambda index must match that index's range.</summary>
    private static IEnumerable<string> LengthChecks(ModelIr model, TermIr term, ExpressionPrinter printer, Dictionary<Node, string> empty)
    {
        var seen = new HashSet<Node>();
        var stack = new Stack<Node>();
        stack.Push(term.Nll);
        stack.Push(term.Constant);
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

            if (node.Kind is not (NodeKind.Data or NodeKind.Param) || node.Children.Length == 0)
            {
                continue;
            }

            for (int d = 0; d < node.Children.Length; d++)
            {
                var index = node.Children[d];
                string dimension = node.Children.Length == 1 ? "this." + Identifiers.Escape(node.Member) + ".Length" : "this." + Identifiers.Escape(node.Member) + ".GetLength(" + d + ")";
                string what = node.Children.Length == 1 ? "its length" : d == 0 ? "its number of rows" : "its number of columns";
                if (index.Kind == NodeKind.ObservationIndex && node.Member != term.Spec.Observed)
                {
                    yield return "global::MleGen.DataChecks.RequireLength(" + dimension + ", this." + Identifiers.Escape(term.Spec.Observed) + ".Length, " + Literals.String(node.Member) + ", " + Literals.String(what + " (one per observation of " + term.Spec.Observed + ")") + ");";
                }
                else if (index.Kind == NodeKind.Variable)
                {
                    var count = model.Builder.CountOf(index.Variable);
                    if (count.Kind == NodeKind.Length && !(count.Member == node.Member && count.Dimension == (node.Children.Length == 1 ? -1 : d)))
                    {
                        yield return "global::MleGen.DataChecks.RequireLength(" + dimension + ", " + printer.Print(count, empty) + ", " + Literals.String(node.Member) + ", " + Literals.String(what + " (it is indexed over the length of " + count.Member + ")") + ");";
                    }
                }
            }
        }
    }
}
