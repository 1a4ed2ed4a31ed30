using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// Emits <c>ValidateData()</c> (null, empty, NaN/infinite, lengths, support, each error naming the
/// member and index) and <c>__EnsureReady</c>, which runs it once per data set: again only when a data
/// array is replaced or a scalar datum changes, never inside the evaluation loops.
/// </summary>
internal static class ValidationEmitter
{
    public static void Emit(IndentedWriter w, ModelIr model, MemberAccess members, string generatedCode)
    {
        var spec = model.Spec;
        var arrays = spec.Data.Where(d => d.Kind is not (DataKind.Double or DataKind.Int)).ToList();
        var scalars = spec.Data.Where(d => d.Kind is DataKind.Double or DataKind.Int).ToList();
        const string Checks = "global::MleGen.DataChecks";

        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("public void ValidateData()"))
        {
            foreach (var d in arrays)
            {
                w.Line(Checks + ".RequireNotNull(this." + d.Name + ", " + Literals.String(d.Name) + ");");
            }

            foreach (var d in spec.Data.Where(d => d.Kind is DataKind.Double or DataKind.DoubleArray or DataKind.DoubleMatrix))
            {
                w.Line(Checks + ".RequireFinite(this." + d.Name + ", " + Literals.String(d.Name) + ");");
            }

            var printer = new ExpressionPrinter(members, model.Builder.Variables);
            var empty = new Dictionary<Node, string>();
            var emittedLengths = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var term in model.Terms)
            {
                var t = term.Spec;
                w.Line("// " + t.MethodName + ": " + t.Family + " observations of " + t.Observed);
                w.Line(Checks + ".RequireNotEmpty(this." + t.Observed + ", " + Literals.String(t.Observed) + ");");
                if (t.Weights is not null)
                {
                    w.Line(Checks + ".RequireLength(this." + t.Weights + ".Length, this." + t.Observed + ".Length, " + Literals.String(t.Weights) + ", " + Literals.String("the number of weights") + ");");
                }

                foreach (var line in LengthChecks(model, term, printer, empty))
                {
                    if (emittedLengths.Add(line))
                    {
                        w.Line(line);
                    }
                }

                EmitSupport(w, term, printer, empty);
            }
        }

        w.Line();
        w.Line("private object?[]? __validatedArrays;");
        w.Line("private double[]? __validatedScalars;");
        w.Line("private double __dataConstant;");
        w.Line();
        w.Line("/// <summary>Checks θ's length and validates the data once per data set.</summary>");
        using (w.Block("private void __EnsureReady(global::System.ReadOnlySpan<double> theta)"))
        {
            w.Line("__RequireLength(theta.Length, \"theta\");");
            var conditions = new List<string> { "this.__validatedArrays is null" };
            conditions.AddRange(arrays.Select((d, k) => "!ReferenceEquals(this.__validatedArrays[" + k + "], this." + d.Name + ")"));
            conditions.AddRange(scalars.Select((d, k) => "this.__validatedScalars![" + k + "] != this." + d.Name));
            using (w.Block("if (" + string.Join(" || ", conditions) + ")"))
            {
                w.Line("ValidateData();");
                w.Line("// the NLL's data-only terms, once per data set, summed chunk by chunk in the evaluator's fixed order");
                w.Line("this.__dataConstant = __Evaluator.Evaluate(this, global::MleGen.EvaluationKind.DataConstant, theta, default);");
                w.Line("this.__validatedArrays = new object?[] { " + string.Join(", ", arrays.Select(d => "this." + d.Name)) + " };");
                w.Line("this.__validatedScalars = new double[] { " + string.Join(", ", scalars.Select(d => "this." + d.Name)) + " };");
            }
        }

        w.Line();
    }

    private static void EmitSupport(IndentedWriter w, TermIr term, ExpressionPrinter printer, Dictionary<Node, string> empty)
    {
        var t = term.Spec;
        if (term.Observation.Type == ScalarType.Bool)
        {
            return;
        }

        string family = "global::MleGen." + t.Family;
        string extra = t.Family switch
        {
            FamilyKind.Binomial or FamilyKind.BinomialLogit or FamilyKind.CategoricalLogits => ", " + printer.Print(term.FamilyParameters[0], empty),
            _ => "",
        };
        using (w.Block("for (int i = 0; i < this." + t.Observed + ".Length; i++)"))
        {
            w.Line("double y = this." + t.Observed + "[i];");
            w.Line("if (!" + family + ".IsInSupport(y" + extra + ")) throw global::MleGen.DataChecks.OutsideSupport(" + Literals.String(t.Observed) + ", i, y, " + Literals.String(t.Family.ToString()) + ", " + family + ".SupportDescription);");
        }
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
                string dimension = node.Children.Length == 1 ? "this." + node.Member + ".Length" : "this." + node.Member + ".GetLength(" + d + ")";
                string what = node.Children.Length == 1 ? "its length" : d == 0 ? "its number of rows" : "its number of columns";
                if (index.Kind == NodeKind.ObservationIndex && node.Member != term.Spec.Observed)
                {
                    yield return "global::MleGen.DataChecks.RequireLength(" + dimension + ", this." + term.Spec.Observed + ".Length, " + Literals.String(node.Member) + ", " + Literals.String(what + " (one per observation of " + term.Spec.Observed + ")") + ");";
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
