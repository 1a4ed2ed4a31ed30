using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Differentiation;
using MleGen.Generators.Ir;
using MleGen.Generators.Plan;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// Emits, per likelihood term, the second-order quantities over a range of observations:
/// the exact Hessian (reverse mode applied to each gradient adjoint), the expected information
/// Σᵢ Jᵢᵀ F(φᵢ) Jᵢ from the family's closed form, and the score outer product Σᵢ sᵢsᵢᵀ.
/// All add into the upper triangle (row ≤ column) of a p×p row-major span; the evaluator mirrors it.
/// </summary>
internal static partial class InformationEmitter
{
    public static string HessianMethod(int term) => "__Hessian" + term.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);

    public static string ExpectedMethod(int term) => "__Expected" + term.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);

    public static string ScoreMethod(int term) => "__ScoreOuter" + term.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);

    public static void EmitHessian(IndentedWriter w, ModelPlan plan, int index, MemberAccess members)
    {
        var items = plan.Terms[index].Hessian.Select(entry => MatrixItem(members, entry)).ToList();
        EmitMatrixMethod(w, plan.Ir, plan.Ir.Terms[index], members, HessianMethod(index), "the exact Hessian of the NLL", items);
    }

    public static void EmitExpected(IndentedWriter w, ModelPlan plan, int index, MemberAccess members)
    {
        var items = plan.Terms[index].Expected.Select(entry => MatrixItem(members, entry)).ToList();
        EmitMatrixMethod(w, plan.Ir, plan.Ir.Terms[index], members, ExpectedMethod(index), "the expected (Fisher) information Σᵢ Jᵢᵀ F(φᵢ) Jᵢ", items);
    }

    public static void EmitScores(IndentedWriter w, ModelPlan plan, int index, MemberAccess members)
    {
        var model = plan.Ir;
        var b = model.Builder;
        var term = model.Terms[index];
        var items = plan.Terms[index].Gradient.Select(c =>
        {
            var inputs = new List<Node> { c.Adjoint };
            inputs.AddRange(c.Parameter.Children);
            return new ScatterItem(c.Parameter.FreeVariables, inputs, print => "score[" + members.FlatOffset(c.Parameter, print) + "] += " + print(c.Adjoint) + ";") { Guard = c.Guard };
        }).ToList();
        var roots = items.SelectMany(item => item.Inputs).ToList();
        var reads = roots.Concat(ScatterEmitter.Guards(items)).ToList();

        w.Line("/// <summary>Adds Σᵢ sᵢsᵢᵀ over observations [start, end) of <c>" + term.Spec.MethodName + "</c>, sᵢ the observation's score, using <paramref name=\"score\"/> as workspace.</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private void " + ScoreMethod(index) + "(global::System.ReadOnlySpan<double> theta, global::System.Span<double> meat, global::System.Span<double> score, int start, int end)"))
        {
            ParameterPreamble.Offsets(w, model.Spec);
            ParameterPreamble.ParameterViews(w, model.Spec);
            DataPreamble.Locals(w, members, b, reads);
            var emitter = new BlockEmitter(w, new ExpressionPrinter(members, b.Variables), b, roots);
            emitter.Emit(roots, EmitScope.Method);
            emitter.EmitTables(roots);
            emitter.EmitCountTables(model.Spec, roots, scalarReads: true);
            using (w.Block("for (int i = start; i < end; i++)"))
            {
                emitter.PushScope();
                w.Line("score.Clear();");
                DataPreamble.Rows(w, members, b, reads);
                emitter.Emit(roots, EmitScope.ObservationLoop);
                ScatterEmitter.Emit(emitter, b, items, EmitScope.ObservationLoop);
                w.Line("// meat += s sᵀ, on and above the diagonal (the evaluator mirrors it), a vector update per row");
                w.Line("global::MleGen.VectorKernels.AddOuterUpper(meat, score);");

                emitter.PopScope();
            }
        }

        w.Line();
    }

    /// <summary>
    /// <c>matrix[row * p + column] += value</c> for a planned entry (on or above the diagonal of θ's blocks): two reads
    /// of one vector by different loop variables run over the triangle j ≤ k of their loops; other reads of one member
    /// compare their flat positions.
    /// </summary>
    /// <summary>
    /// How an entry between two reads of the same vector member stays on and above the diagonal: a pair of loop
    /// variables (the inner loop starts at the outer one), or a run-time comparison of the flat offsets when the indices
    /// are anything else; neither for different members or the same element.
    /// </summary>
    internal static ((int Row, int Column)? Triangle, bool Compare) UpperTriangle(MatrixEntry entry)
    {
        var r = entry.Row.Parameter;
        var c = entry.Column.Parameter;
        if (r.Member != c.Member || r.Children.SequenceEqual(c.Children))
        {
            return (null, false);
        }

        return r.Children.Length == 1 && r.Children[0].Kind == NodeKind.Variable && c.Children[0].Kind == NodeKind.Variable
            ? ((r.Children[0].Variable, c.Children[0].Variable), false)
            : (null, true);
    }

    private static ScatterItem MatrixItem(MemberAccess members, MatrixEntry entry)
    {
        var r = entry.Row.Parameter;
        var c = entry.Column.Parameter;
        var value = entry.Value;
        var (triangle, compare) = UpperTriangle(entry);

        var inputs = new List<Node> { value };
        inputs.AddRange(r.Children);
        inputs.AddRange(c.Children);
        var loops = r.FreeVariables.Union(c.FreeVariables).Union(value.FreeVariables);
        return new ScatterItem(loops, inputs, print =>
        {
            string rowOffset = members.FlatOffset(r, print), columnOffset = members.FlatOffset(c, print);
            string statement = "matrix[(" + rowOffset + ") * p + " + columnOffset + "] += " + print(value) + ";";
            return compare ? "if (" + rowOffset + " <= " + columnOffset + ") " + statement : statement;
        })
        {
            Guard = entry.Guard,
            Triangle = triangle,
        };
    }

    private static void EmitMatrixMethod(IndentedWriter w, ModelIr model, TermIr term, MemberAccess members, string name, string what, IReadOnlyList<ScatterItem> items)
    {
        var b = model.Builder;
        var roots = items.SelectMany(item => item.Inputs).ToList();
        var reads = roots.Concat(ScatterEmitter.Guards(items)).ToList();
        w.Line("/// <summary>Adds " + what + " of <c>" + term.Spec.MethodName + "</c> over observations [start, end) into <paramref name=\"matrix\"/> (p×p, row-major).</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private void " + name + "(global::System.ReadOnlySpan<double> theta, global::System.Span<double> matrix, int p, int start, int end)"))
        {
            ParameterPreamble.Offsets(w, model.Spec);
            ParameterPreamble.ParameterViews(w, model.Spec);
            DataPreamble.Locals(w, members, b, reads);
            var emitter = new BlockEmitter(w, new ExpressionPrinter(members, b.Variables), b, roots);
            emitter.Emit(roots, EmitScope.Method);
            emitter.EmitTables(roots);
            emitter.EmitCountTables(model.Spec, roots, scalarReads: true);
            using (w.Block("for (int i = start; i < end; i++)"))
            {
                emitter.PushScope();
                DataPreamble.Rows(w, members, b, reads);
                emitter.Emit(roots, EmitScope.ObservationLoop);
                ScatterEmitter.Emit(emitter, b, items, EmitScope.ObservationLoop);
                emitter.PopScope();
            }
        }

        w.Line();
    }
}
