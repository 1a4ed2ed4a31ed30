using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Differentiation;
using MleGen.Generators.Families;
using MleGen.Generators.Ir;
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

    public static void EmitHessian(IndentedWriter w, ModelIr model, int index, MemberAccess members)
    {
        var b = model.Builder;
        var term = model.Terms[index];
        var items = new List<ScatterItem>();
        foreach (var first in ReverseMode.Gradient(b, term.Nll, b.Constant(1)))
        {
            var row = ReverseMode.RenameApart(b, first);
            foreach (var second in ReverseMode.Gradient(b, row.Adjoint, b.Constant(1), row.Parameter.FreeVariables))
            {
                Add(items, MatrixItem(b, members, row, second, second.Adjoint));
            }
        }

        EmitMatrixMethod(w, model, term, members, HessianMethod(index), "the exact Hessian of the NLL", items);
    }

    private static void Add(List<ScatterItem> items, ScatterItem? item)
    {
        if (item is not null)
        {
            items.Add(item);
        }
    }

    public static void EmitExpected(IndentedWriter w, ModelIr model, int index, MemberAccess members)
    {
        var b = model.Builder;
        var term = model.Terms[index];
        var weight = term.Spec.Weights is null
            ? b.Constant(1)
            : b.Data(term.Spec.Weights, ScalarType.Double, System.Collections.Immutable.ImmutableArray.Create(b.ObservationIndex()));
        var items = term.Spec.Family == FamilyKind.CategoricalLogits
            ? CategoricalItems(b, term, weight, members)
            : ScalarFamilyItems(b, term, weight, members);
        EmitMatrixMethod(w, model, term, members, ExpectedMethod(index), "the expected (Fisher) information Σᵢ Jᵢᵀ F(φᵢ) Jᵢ", items);
    }

    /// <summary>Jᵀ F J for a family with scalar parameters φ: entry (a, b) pairs ∂φₐ/∂θ with ∂φ_b/∂θ.</summary>
    private static List<ScatterItem> ScalarFamilyItems(IrBuilder b, TermIr term, Node weight, MemberAccess members)
    {
        var phi = term.FamilyParameters;
        var jacobian = phi.Select(p => p.DependsOnParameters ? ReverseMode.Gradient(b, p, b.Constant(1)) : []).ToList();
        var items = new List<ScatterItem>();
        var rowCache = new Dictionary<int, List<GradientContribution>>();
        var columnCache = new Dictionary<int, List<GradientContribution>>();
        foreach (var (ra, rb, value) in FisherTable.Entries(b, term.Spec.Family, phi))
        {
            var f = b.Multiply(weight, value);
            AddPairs(ra, rb);
            if (ra != rb)
            {
                AddPairs(rb, ra);
            }

            void AddPairs(int a, int c)
            {
                // Each side renamed once (not once per pair): the loop variables of a model are a small, fixed budget.
                var rows = Renamed(a, rowSide: true);
                var columns = Renamed(c, rowSide: false);
                foreach (var row in rows)
                {
                    foreach (var column in columns)
                    {
                        Add(items, MatrixItem(b, members, row, column, b.Multiply(f, b.Multiply(row.Adjoint, column.Adjoint))));
                    }
                }
            }
        }

        return items;

        List<GradientContribution> Renamed(int index, bool rowSide)
        {
            var cache = rowSide ? rowCache : columnCache;
            if (!cache.TryGetValue(index, out var renamed))
            {
                renamed = jacobian[index].Select(contribution => ReverseMode.RenameApart(b, contribution)).ToList();
                cache[index] = renamed;
            }

            return renamed;
        }
    }

    /// <summary>The categorical's information over its logits is diag(p) − ppᵀ: Σₖ pₖ JₖJₖᵀ − Σₖ Σₗ pₖpₗ JₖJₗᵀ.</summary>
    private static List<ScatterItem> CategoricalItems(IrBuilder b, TermIr term, Node weight, MemberAccess members)
    {
        // The log-sum-exp node of the log density: logit_y − lse.
        var lse = term.LogDensity.Children[1];
        int k = lse.Variable;
        var body = lse.Body;
        var items = new List<ScatterItem>();
        var probability = b.Exp(b.Subtract(body, lse));
        var rows = ReverseMode.Gradient(b, body, b.Constant(1), VariableSet.Of(k));

        // A second class index l for the ppᵀ part.
        var info = b.Variables[k];
        int l = b.NewVariable(info.DisplayName, info.Depth);
        b.SetCount(l, b.CountOf(k));
        var lNode = b.Variable(l);
        var probabilityL = Substitution.Substitute(b, probability, k, lNode);
        var columns = rows.Select(right => ReverseMode.RenameApart(b, right, VariableSet.Of(k))).ToList();
        foreach (var left in rows)
        {
            var row = ReverseMode.RenameApart(b, left, VariableSet.Of(k));
            foreach (var column in columns)
            {
                Add(items, MatrixItem(b, members, row, column, b.Multiply(weight, b.Multiply(probability, b.Multiply(row.Adjoint, column.Adjoint)))));
                var columnL = column.Substitute(b, k, lNode);
                Add(items, MatrixItem(b, members, row, columnL, b.Negate(b.Multiply(weight, b.Multiply(b.Multiply(probability, probabilityL), b.Multiply(row.Adjoint, columnL.Adjoint))))));
            }
        }

        return items;
    }

    public static void EmitScores(IndentedWriter w, ModelIr model, int index, MemberAccess members)
    {
        var b = model.Builder;
        var term = model.Terms[index];
        var gradient = ReverseMode.Gradient(b, term.Nll, b.Constant(1));
        var items = gradient.Select(c =>
        {
            var inputs = new List<Node> { c.Adjoint };
            inputs.AddRange(c.Parameter.Children);
            return new ScatterItem(c.Parameter.FreeVariables, inputs, print => "score[" + members.FlatOffset(c.Parameter, print) + "] += " + print(c.Adjoint) + ";") { Guard = c.Guard };
        }).ToList();
        var roots = items.SelectMany(item => item.Inputs).ToList();
        var reads = roots.Concat(ScatterEmitter.Guards(items)).ToList();

        w.Line("/// <summary>Adds Σᵢ sᵢsᵢᵀ over observations [start, end) of <c>" + term.Spec.MethodName + "</c>, sᵢ the observation's score, using <paramref name=\"score\"/> as workspace.</summary>");
        using (w.Block("private void " + ScoreMethod(index) + "(global::System.ReadOnlySpan<double> theta, global::System.Span<double> meat, global::System.Span<double> score, int start, int end)"))
        {
            ParameterPreamble.Offsets(w, model.Spec);
            ParameterPreamble.ParameterViews(w, model.Spec);
            w.Line("int p = score.Length;");
            DataPreamble.Locals(w, members, b, reads);
            var emitter = new BlockEmitter(w, new ExpressionPrinter(members, b.Variables), b, roots);
            emitter.Emit(roots, EmitScope.Method);
            emitter.EmitTables(roots);
            using (w.Block("for (int i = start; i < end; i++)"))
            {
                emitter.PushScope();
                w.Line("score.Clear();");
                DataPreamble.Rows(w, members, b, reads);
                emitter.Emit(roots, EmitScope.ObservationLoop);
                ScatterEmitter.Emit(emitter, b, items, EmitScope.ObservationLoop);
                w.Line("// meat += s sᵀ, on and above the diagonal (the evaluator mirrors it)");
                using (w.Block("for (int a = 0; a < p; a++)"))
                {
                    w.Line("double sa = score[a];");
                    w.Line("if (sa == 0d) continue;");
                    w.Line("global::System.Span<double> meatRow = meat.Slice(a * p, p);");
                    w.Line("for (int c = a; c < p; c++) meatRow[c] += sa * score[c];");
                }

                emitter.PopScope();
            }
        }

        w.Line();
    }

    /// <summary>
    /// <c>matrix[row * p + column] += value</c> for a pair of parameter reads, under both reads' guards,
    /// on or above the diagonal only: the matrices are symmetric and the evaluator mirrors the upper
    /// triangle. A pair whose row block follows its column block in θ is wholly below and emits nothing
    /// (null); two reads of one vector by different loop variables run over the triangle j ≤ k of their
    /// loops; other reads of one member compare their flat positions.
    /// </summary>
    private static ScatterItem? MatrixItem(IrBuilder b, MemberAccess members, GradientContribution row, GradientContribution column, Node value)
    {
        var r = row.Parameter;
        var c = column.Parameter;
        int rowOrder = members.ParameterOrder(r.Member), columnOrder = members.ParameterOrder(c.Member);
        if (rowOrder > columnOrder)
        {
            return null;
        }

        (int, int)? triangle = null;
        bool compare = false;
        if (rowOrder == columnOrder && !r.Children.SequenceEqual(c.Children))
        {
            if (r.Children.Length == 1 && r.Children[0].Kind == NodeKind.Variable && c.Children[0].Kind == NodeKind.Variable)
            {
                triangle = (r.Children[0].Variable, c.Children[0].Variable);
            }
            else
            {
                compare = true;
            }
        }

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
            Guard = Guards.And(b, row.Guard, column.Guard),
            Triangle = triangle,
        };
    }

    private static void EmitMatrixMethod(IndentedWriter w, ModelIr model, TermIr term, MemberAccess members, string name, string what, IReadOnlyList<ScatterItem> items)
    {
        var b = model.Builder;
        var roots = items.SelectMany(item => item.Inputs).ToList();
        var reads = roots.Concat(ScatterEmitter.Guards(items)).ToList();
        w.Line("/// <summary>Adds " + what + " of <c>" + term.Spec.MethodName + "</c> over observations [start, end) into <paramref name=\"matrix\"/> (p×p, row-major).</summary>");
        using (w.Block("private void " + name + "(global::System.ReadOnlySpan<double> theta, global::System.Span<double> matrix, int p, int start, int end)"))
        {
            ParameterPreamble.Offsets(w, model.Spec);
            ParameterPreamble.ParameterViews(w, model.Spec);
            DataPreamble.Locals(w, members, b, reads);
            var emitter = new BlockEmitter(w, new ExpressionPrinter(members, b.Variables), b, roots);
            emitter.Emit(roots, EmitScope.Method);
            emitter.EmitTables(roots);
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
