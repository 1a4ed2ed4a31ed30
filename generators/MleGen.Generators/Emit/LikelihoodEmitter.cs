using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Differentiation;
using MleGen.Generators.Ir;
using MleGen.Generators.Plan;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// Emits, per likelihood term, the NLL over a range of observations and the fused NLL + gradient
/// (one pass: forward values, then the adjoints scattered into the gradient).
/// </summary>
internal static class LikelihoodEmitter
{
    public static string ValueMethod(int term) => "__Nll" + term.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);

    public static string GradientMethod(int term) => "__NllGradient" + term.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);

    public static string ConstantMethod(int term) => "__DataConstant" + term.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);

    /// <summary>The number of rows a term runs over, as C#: its observed member's length, or 1 for a single <c>[LogLikelihood]</c> term.</summary>
    public static string RowCount(LikelihoodSpec term) => term.IsSingle ? "1" : "this." + Identifiers.Escape(term.Observed) + ".Length";

    /// <summary>What the term adds up, for the documentation comments.</summary>
    public static string Describe(LikelihoodSpec term) => term.IsCustom
        ? (term.IsSingle ? "a single custom term" : "custom terms over the rows of <c>" + term.Observed + "</c>")
        : term.Family + " observations of <c>" + term.Observed + "</c>";

    public static void EmitValue(IndentedWriter w, ModelIr model, int index, MemberAccess members)
    {
        var term = model.Terms[index];
        w.Line("/// <summary>The θ-dependent part of the NLL of <c>" + term.Spec.MethodName + "</c> (" + Describe(term.Spec) + ") over observations [start, end).</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private double " + ValueMethod(index) + "(global::System.ReadOnlySpan<double> theta, int start, int end)"))
        {
            ParameterPreamble.Offsets(w, model.Spec);
            ParameterPreamble.ParameterViews(w, model.Spec);
            DataPreamble.Locals(w, members, model.Builder, new[] { term.Nll });
            EmitSum(w, model, members, term.Nll);
        }
    }

    /// <summary>The part of the NLL that reads only data (log y!, log C(n, y), …): summed once per data set.</summary>
    public static void EmitConstant(IndentedWriter w, ModelIr model, int index, MemberAccess members)
    {
        var term = model.Terms[index];
        w.Line("/// <summary>The data-only part of the NLL of <c>" + term.Spec.MethodName + "</c> over observations [start, end): constant in θ.</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private double " + ConstantMethod(index) + "(int start, int end)"))
        {
            // The addends that read no observation (½log 2π, log Γ(ν/2) of a constant ν, …) are the same for every
            // row: computed once and multiplied by the chunk's row count, not added once per observation.
            var b = model.Builder;
            var perRow = new List<Node>();
            var everyRow = new List<Node>();
            if (term.Constant.DependsOnObservation || !term.Constant.FreeVariables.IsEmpty)
            {
                Split(b, term.Constant, positive: true, perRow, everyRow);
            }
            else
            {
                everyRow.Add(term.Constant);
            }

            var shared = Total(b, everyRow);
            if (shared.IsConstantValue(0))
            {
                EmitSum(w, model, members, term.Constant);
                return;
            }

            var rest = Total(b, perRow);
            var emitter = new BlockEmitter(w, new ExpressionPrinter(members, model.Builder.Variables), b, new[] { shared });
            w.Line("// the part every observation shares, once per chunk");
            emitter.Emit(new[] { shared }, EmitScope.Method);
            w.Line("double perObservation = " + emitter.Print(shared) + ";");
            if (rest.IsConstantValue(0))
            {
                w.Line("return end > start ? (end - start) * perObservation : 0d;");
                return;
            }

            w.Line("double rows = " + SumCall(w, model, members, rest) + ";");
            w.Line("return end > start ? rows + (end - start) * perObservation : rows;");
        }
    }

    /// <summary>Emits the sum of <paramref name="root"/> over the chunk's rows into a local and returns the local's name.</summary>
    private static string SumCall(IndentedWriter w, ModelIr model, MemberAccess members, Node root)
    {
        var emitter = new BlockEmitter(w, new ExpressionPrinter(members, model.Builder.Variables), model.Builder, new[] { root });
        emitter.Emit(new[] { root }, EmitScope.Method);
        emitter.EmitTables(new[] { root });
        w.Line("double sum = 0d;");
        using (w.Block("for (int i = start; i < end; i++)"))
        {
            emitter.PushScope();
            DataPreamble.Rows(w, members, model.Builder, new[] { root });
            emitter.Emit(new[] { root }, EmitScope.ObservationLoop);
            w.Line("sum += " + emitter.Print(root) + ";");
            emitter.PopScope();
        }

        return "sum";
    }

    /// <summary>Splits a sum into the addends that depend on the observation (or a lambda variable) and those that do not.</summary>
    private static void Split(IrBuilder b, Node node, bool positive, List<Node> perRow, List<Node> everyRow)
    {
        if (node.Kind == NodeKind.Binary && node.BinaryOp is BinaryOp.Add or BinaryOp.Subtract)
        {
            Split(b, node.Children[0], positive, perRow, everyRow);
            Split(b, node.Children[1], node.BinaryOp == BinaryOp.Add ? positive : !positive, perRow, everyRow);
            return;
        }

        if (node.Kind == NodeKind.Unary && node.UnaryOp == UnaryOp.Negate)
        {
            Split(b, node.Children[0], !positive, perRow, everyRow);
            return;
        }

        var signed = positive ? node : b.Negate(node);
        (node.DependsOnObservation || !node.FreeVariables.IsEmpty ? perRow : everyRow).Add(signed);
    }

    private static Node Total(IrBuilder b, List<Node> addends)
    {
        var total = b.Constant(0);
        foreach (var addend in addends)
        {
            total = b.Add(total, addend);
        }

        return total;
    }

    private static void EmitSum(IndentedWriter w, ModelIr model, MemberAccess members, Node root)
    {
        var emitter = new BlockEmitter(w, new ExpressionPrinter(members, model.Builder.Variables), model.Builder, new[] { root });
        if (root.IsConstantValue(0))
        {
            // nothing in this part of the term (its NLL is all θ-dependent, or all data-only)
            w.Line("return 0d;");
            return;
        }

        emitter.Emit(new[] { root }, EmitScope.Method, "// θ-only subexpressions, hoisted out of the observation loop");
        emitter.EmitTables(new[] { root });
        emitter.EmitCountTables(model.Spec, new[] { root }, scalarReads: true);
        w.Line("double nll = 0d;");
        using (w.Block("for (int i = start; i < end; i++)"))
        {
            emitter.PushScope();
            DataPreamble.Rows(w, members, model.Builder, new[] { root });
            emitter.Emit(new[] { root }, EmitScope.ObservationLoop);
            w.Line("nll += " + emitter.Print(root) + ";");
            emitter.PopScope();
        }

        w.Line("return nll;");
    }

    public static void EmitGradient(IndentedWriter w, ModelPlan plan, int index, MemberAccess members)
    {
        var model = plan.Ir;
        var term = model.Terms[index];
        var b = model.Builder;
        var items = plan.Terms[index].Gradient.Select(c => GradientItem(c, members)).ToList();
        var roots = new List<Node> { term.Nll };
        roots.AddRange(items.SelectMany(item => item.Inputs));
        var reads = roots.Concat(ScatterEmitter.Guards(items)).ToList();

        w.Line("/// <summary>The NLL of <c>" + term.Spec.MethodName + "</c> over observations [start, end), adding its gradient into <paramref name=\"gradient\"/>.</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private double " + GradientMethod(index) + "(global::System.ReadOnlySpan<double> theta, global::System.Span<double> gradient, int start, int end)"))
        {
            ParameterPreamble.Offsets(w, model.Spec);
            ParameterPreamble.ParameterViews(w, model.Spec);
            ParameterPreamble.GradientViews(w, model.Spec);
            DataPreamble.Locals(w, members, b, reads);
            var emitter = new BlockEmitter(w, new ExpressionPrinter(members, b.Variables), b, roots);
            emitter.Emit(roots, EmitScope.Method, "// θ-only subexpressions, hoisted out of the observation loop");
            emitter.EmitTables(roots);
            emitter.EmitCountTables(model.Spec, roots, scalarReads: true);
            w.Line("double nll = 0d;");
            using (w.Block("for (int i = start; i < end; i++)"))
            {
                emitter.PushScope();
                DataPreamble.Rows(w, members, b, reads);
                w.Line("// forward: the observation's NLL and the adjoints of its subexpressions");
                emitter.Emit(roots, EmitScope.ObservationLoop);
                w.Line("nll += " + emitter.Print(term.Nll) + ";");
                w.Line("// backward: dNLL/dθ");
                ScatterEmitter.Emit(emitter, b, items, EmitScope.ObservationLoop);
                emitter.PopScope();
            }

            ParameterPreamble.FlushGradient(w, model.Spec);
            w.Line("return nll;");
        }
    }

    /// <summary><c>g_Beta[j] += adjoint</c> for one parameter read.</summary>
    private static ScatterItem GradientItem(GradientContribution c, MemberAccess members)
    {
        var inputs = new List<Node> { c.Adjoint };
        inputs.AddRange(c.Parameter.Children);
        return new ScatterItem(c.Parameter.FreeVariables, inputs, print =>
            members.Gradient(c.Parameter.Member, c.Parameter.Children.Select(print).ToArray()) + " += " + print(c.Adjoint) + ";")
        {
            Guard = c.Guard,
        };
    }
}
