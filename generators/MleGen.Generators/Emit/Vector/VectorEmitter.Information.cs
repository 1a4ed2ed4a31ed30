using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Ir;
using MleGen.Generators.Plan;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit.Vector;

/// <summary>
/// The vector kernels of the observed and expected information: per term, <c>__Hessian&lt;t&gt;_V4/_V8</c> and
/// <c>__Expected&lt;t&gt;_V4/_V8</c> over blocks of 4 or 8 observations, the scalar kernel for the remainder. An entry
/// X[i, a]·X[i, b]·sᵢ over two vector parameters becomes a rank-W update of the block's rows into the upper triangle
/// (<c>VectorKernels.AddScaledOuter</c>), X[i, b]·sᵢ against a fixed element a row update (<c>AddScaledRows</c>), an
/// entry of fixed elements a sum of the lanes in observation order; the other looped entries add the lane sum of their vector value.
/// </summary>
/// <remarks>
/// These kernels come from their own plan of the model (a third lowering), so neither the scalar kernels' nor the
/// vector NLL/gradient kernels' text depends on them.
/// </remarks>
internal sealed partial class VectorEmitter
{
    private ModelPlan? _info;
    private bool[] _hessian = [];
    private bool[] _expected = [];

    /// <summary>
    /// Whether the last matrix emitted has a row or rank-W update (a GLM shape, X[i, ·] against a vector parameter).
    /// Only those terms get vector information kernels: a term of fixed elements and per-element loops gains little
    /// (its entries are per-observation sums the scalar kernel adds as fast), and its Newton path stays the scalar
    /// kernel's bit for bit (the NIST valleys, e.g. Bennett5, follow different paths on last-bit differences).
    /// </summary>
    private bool _blockUpdates;

    public static string HessianMethod(int term, VectorWidth width) => InformationEmitter.HessianMethod(term) + "_V" + width.LanesText;

    public static string ExpectedMethod(int term, VectorWidth width) => InformationEmitter.ExpectedMethod(term) + "_V" + width.LanesText;

    public bool IsHessianVectorized(int term) => _hessian[term];

    public bool IsExpectedVectorized(int term) => _expected[term];

    /// <summary>The dispatch of a term's observed information on the evaluator's vector width, as a C# statement.</summary>
    public string HessianCall(int term) =>
        DispatchStatement(_hessian[term], w => HessianMethod(term, w), InformationEmitter.HessianMethod(term), "(theta, output, p, start, end);");

    /// <summary>The dispatch of a term's closed-form expected information on the evaluator's vector width, as a C# statement.</summary>
    public string ExpectedCall(int term) =>
        DispatchStatement(_expected[term], w => ExpectedMethod(term, w), InformationEmitter.ExpectedMethod(term), "(theta, output, p, start, end);");

    private static string DispatchStatement(bool vectorized, System.Func<VectorWidth, string> vector, string scalar, string arguments) =>
        !vectorized
            ? scalar + arguments
            : "if (this.__Evaluator.VectorWidth == 8) " + vector(VectorWidth.V8) + arguments + " else if (this.__Evaluator.VectorWidth == 4) " + vector(VectorWidth.V4) + arguments + " else " + scalar + arguments;

    /// <summary>Plans the information kernels (a dry run of each at both widths); any surprise leaves them scalar.</summary>
    private void PlanInformation(ModelSpec spec)
    {
        int count = spec.Likelihoods.Count;
        _hessian = new bool[count];
        _expected = new bool[count];
        try
        {
            _info = ModelPlan.Build(spec);
            if (_info is null || _info.Terms.Count != count)
            {
                _info = null;
                return;
            }

            for (int t = 0; t < count; t++)
            {
                var scratch = new IndentedWriter();
                var plan = _info.Terms[t];
                _hessian[t] = VectorWidth.All.All(width => EmitMatrix(scratch, t, width, plan.Hessian, expected: false)) && _blockUpdates;
                _expected[t] = plan.ExpectedKind == ExpectedKind.ClosedForm
                    && VectorWidth.All.All(width => EmitMatrix(scratch, t, width, plan.Expected, expected: true)) && _blockUpdates;
            }

            PlanScores();
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            // Only the speed-up is lost: the scalar information kernels are planned separately and fail loud.
            _info = null;
            System.Array.Clear(_hessian, 0, count);
            System.Array.Clear(_expected, 0, count);
            _scores = new bool[count];
        }
    }

    private void EmitInformationMethods(IndentedWriter w)
    {
        if (_info is null)
        {
            return;
        }

        for (int t = 0; t < _info.Terms.Count; t++)
        {
            foreach (var width in VectorWidth.All)
            {
                if (_hessian[t])
                {
                    w.Line();
                    EmitMatrix(w, t, width, _info.Terms[t].Hessian, expected: false);
                }

                if (_expected[t])
                {
                    w.Line();
                    EmitMatrix(w, t, width, _info.Terms[t].Expected, expected: true);
                }
            }
        }

        EmitScoreMethods(w);
    }

    /// <summary>How one matrix entry is accumulated over a block.</summary>
    private enum EntryForm
    {
        /// <summary>A fixed element: a scalar sum of each block's lanes in observation order (the scalar kernel's order), added once after the blocks.</summary>
        Fixed,

        /// <summary>X[i, b]·s against a fixed row element: FMA row updates of the block's rows.</summary>
        Row,

        /// <summary>X[i, a]·s against a fixed column element: a column of the matrix, each entry a dot product of the block's column a with s.</summary>
        Column,

        /// <summary>X[i, a]·Z[i, b]·s over two vector parameters: the block's rank-W update.</summary>
        Outer,

        /// <summary>Anything else: loops over its variables adding each element's lane sum.</summary>
        Looped,
    }

    private sealed record EntryPlan(MatrixEntry Entry, EntryForm Form, VariableSet Loops, (int Low, int High)? Triangle, bool Compare)
    {
        public string? RowMatrix { get; init; }

        public string? ColumnMatrix { get; init; }

        public int RowVariable { get; init; } = -1;

        public int ColumnVariable { get; init; } = -1;

        public IReadOnlyList<Node> Scale { get; init; } = [];

        public bool Negated { get; init; }

        /// <summary>The factored form of an entry the differentiator left expanded (its scale a node of its own), or null.</summary>
        public RowProduct? Product { get; init; }
    }

    private bool EmitMatrix(IndentedWriter w, int index, VectorWidth width, IReadOnlyList<MatrixEntry> entries, bool expected)
    {
        var model = _info!.Ir;
        var b = model.Builder;
        string scalarName = expected ? InformationEmitter.ExpectedMethod(index) : InformationEmitter.HessianMethod(index);
        string name = expected ? ExpectedMethod(index, width) : HessianMethod(index, width);
        var roots = new List<Node>();
        foreach (var e in entries)
        {
            roots.Add(e.Value);
            roots.AddRange(e.Row.Parameter.Children);
            roots.AddRange(e.Column.Parameter.Children);
        }

        // Each entry's form is decided before the block opens: an entry the differentiator left expanded (the row elements
        // inside a sum) is factored into X[i, a]·Z[i, b]·s with a new scale node s, which the block must compute.
        string? unsupported = null;
        var plans = entries.Select(e => Classify(b, e, ref unsupported)).ToList();
        roots.AddRange(plans.Where(e => e.Product is not null).Select(e => e.Product!.Scale));
        var guards = entries.Where(e => e.Guard is not null).Select(e => e.Guard!);
        w.Line("/// <summary>As <see cref=\"" + scalarName + "\"/>, " + width.LanesText + " observations at a time (rank-" + width.LanesText + " updates of the upper triangle), the scalar kernel for the remainder.</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private void " + name + "(global::System.ReadOnlySpan<double> theta, global::System.Span<double> matrix, int p, int start, int end)"))
        {
            var block = Open(model, w, width, roots, roots.Concat(guards), gradient: false, hoistInvariants: true);
            if (entries.Any(e => e.Guard is not null))
            {
                block.Fail("a guarded matrix entry");
            }

            if (unsupported is not null)
            {
                block.Fail(unsupported);
            }

            _blockUpdates = plans.Any(e => e.Form is EntryForm.Row or EntryForm.Column or EntryForm.Outer);
            var fixedEntries = plans.Where(e => e.Form == EntryForm.Fixed).ToList();
            for (int k = 0; k < fixedEntries.Count; k++)
            {
                w.Line("double acc_m" + Literals.Int(k) + " = 0d;");
            }

            w.Line("int i = start;");
            using (w.Block("for (; i <= end - " + width.LanesText + "; i += " + width.LanesText + ")"))
            {
                block.Emit(fixedEntries.Select(e => e.Entry.Value));
                for (int k = 0; k < fixedEntries.Count; k++)
                {
                    w.Line("acc_m" + Literals.Int(k) + " = " + Kernels + ".AddLanes(acc_m" + Literals.Int(k) + ", " + block.Operand(fixedEntries[k].Entry.Value) + ");");
                }

                foreach (var e in plans.Where(e => e.Form is EntryForm.Row or EntryForm.Column or EntryForm.Outer))
                {
                    block.Emit(e.Scale);
                    string scale = e.Scale.Count == 0 ? width.Type + ".One" : string.Join(" * ", e.Scale.Select(block.Operand));
                    scale = e.Negated ? "-(" + scale + ")" : e.Scale.Count == 1 ? scale : "(" + scale + ")";
                    var r = e.Entry.Row.Parameter;
                    var c = e.Entry.Column.Parameter;
                    if (e.Form == EntryForm.Row)
                    {
                        string slice = "(" + _members.FlatOffset(r, block.Scalar) + ") * p + " + MemberAccess.OffsetLocal(c.Member);
                        w.Line(Kernels + ".AddScaledRows(matrix.Slice(" + slice + ", " + block.Scalar(b.CountOf(e.ColumnVariable)) + "), "
                            + MemberAccess.DataLocal(e.ColumnMatrix!) + ", i, " + scale + ");");
                    }
                    else if (e.Form == EntryForm.Column)
                    {
                        w.Line(Kernels + ".AddScaledColumn(matrix, p, " + MemberAccess.OffsetLocal(r.Member) + ", " + _members.FlatOffset(c, block.Scalar) + ", "
                            + MemberAccess.DataLocal(e.RowMatrix!) + ", " + block.Scalar(b.CountOf(e.RowVariable)) + ", i, " + scale + ");");
                    }
                    else
                    {
                        w.Line(Kernels + ".AddScaledOuter(matrix, p, " + MemberAccess.OffsetLocal(r.Member) + ", " + MemberAccess.OffsetLocal(c.Member) + ", "
                            + MemberAccess.DataLocal(e.RowMatrix!) + ", " + block.Scalar(b.CountOf(e.RowVariable)) + ", "
                            + MemberAccess.DataLocal(e.ColumnMatrix!) + ", " + block.Scalar(b.CountOf(e.ColumnVariable)) + ", i, " + scale + ", "
                            + (e.Triangle is null ? "false" : "true") + ");");
                    }
                }

                foreach (var group in plans.Where(e => e.Form == EntryForm.Looped).GroupBy(e => e.Loops))
                {
                    // Each level computes what does not depend on the loops inside it (a log-sum-exp over the same
                    // variable name outside the loop, work shared by the inner iterations).
                    var ordered = group.Key.ToArray().OrderBy(v => b.Variables[v].Depth).ThenBy(v => v).ToArray();
                    block.Emit(group.Select(e => e.Entry.Value));
                    foreach (int v in ordered)
                    {
                        block.OpenLoop(v);
                        block.Emit(group.Select(e => e.Entry.Value));
                    }

                    foreach (var e in group)
                    {
                        string rowOffset = _members.FlatOffset(e.Entry.Row.Parameter, block.Scalar);
                        string columnOffset = _members.FlatOffset(e.Entry.Column.Parameter, block.Scalar);
                        string condition = e.Triangle is { } t
                            ? "if (" + block.Scalar(b.Variable(t.Low)) + " <= " + block.Scalar(b.Variable(t.High)) + ") "
                            : e.Compare ? "if (" + rowOffset + " <= " + columnOffset + ") " : "";
                        w.Line(condition + "matrix[(" + rowOffset + ") * p + " + columnOffset + "] += " + width.Static + ".Sum(" + block.Operand(e.Entry.Value) + ");");
                    }

                    foreach (int v in ordered.Reverse())
                    {
                        block.CloseLoop(v);
                    }
                }
            }

            for (int k = 0; k < fixedEntries.Count; k++)
            {
                var e = fixedEntries[k];
                string rowOffset = _members.FlatOffset(e.Entry.Row.Parameter, block.Scalar);
                string columnOffset = _members.FlatOffset(e.Entry.Column.Parameter, block.Scalar);
                string condition = e.Compare ? "if (" + rowOffset + " <= " + columnOffset + ") " : "";
                w.Line(condition + "matrix[(" + rowOffset + ") * p + " + columnOffset + "] += acc_m" + Literals.Int(k) + ";");
            }

            w.Line("if (i < end) " + scalarName + "(theta, matrix, p, i, end);");
            return block.Failed is null;
        }
    }

    private const string Kernels = "global::MleGen.VectorKernels";

    /// <summary>
    /// How an entry is accumulated (the same triangle and comparison as the scalar kernel's statement): a product found
    /// through products and negations first (the scale printed as those factors), else the factored form of
    /// <see cref="RowFactors"/>; <paramref name="unsupported"/> gets the reason when the entry has no vector form.
    /// </summary>
    private EntryPlan Classify(IrBuilder builder, MatrixEntry entry, ref string? unsupported)
    {
        var r = entry.Row.Parameter;
        var c = entry.Column.Parameter;
        var value = entry.Value;
        if (r.Children.Concat(c.Children).Any(child => child.Kind is not (NodeKind.Variable or NodeKind.Constant)))
        {
            unsupported ??= "a matrix entry at a computed index";
        }

        var (triangle, compare) = InformationEmitter.UpperTriangle(entry);

        var loops = r.FreeVariables.Union(c.FreeVariables).Union(value.FreeVariables);
        var plan = new EntryPlan(entry, EntryForm.Looped, loops, triangle, compare);
        if (loops.IsEmpty)
        {
            return plan with { Form = EntryForm.Fixed };
        }

        var spec = _info!.Spec;
        bool RowElement(Node n, int v) => VectorBlock.IsRowElement(_members, n, v);
        var variables = loops.ToArray();
        if (variables.Length == 1 && !compare)
        {
            int v = variables[0];
            bool row = r.FreeVariables.IsEmpty && VectorBlock.IsVectorParameter(spec, c, v);
            bool column = c.FreeVariables.IsEmpty && VectorBlock.IsVectorParameter(spec, r, v);
            if (!row && !column)
            {
                return plan;
            }

            var form = row ? EntryForm.Row : EntryForm.Column;
            if (Factor(value, -1, v, RowElement) is { } single)
            {
                return row
                    ? plan with { Form = form, ColumnMatrix = single.Column, ColumnVariable = v, Scale = single.Scale, Negated = single.Negated }
                    : plan with { Form = form, RowMatrix = single.Column, RowVariable = v, Scale = single.Scale, Negated = single.Negated };
            }

            if (RowFactors.Factor(builder, entry, RowElement) is { } product)
            {
                return row
                    ? plan with { Form = form, ColumnMatrix = product.Column!.Member, ColumnVariable = v, Scale = [product.Scale], Product = product }
                    : plan with { Form = form, RowMatrix = product.Row!.Member, RowVariable = v, Scale = [product.Scale], Product = product };
            }

            return plan;
        }

        if (variables.Length == 2 && r.Children.Length == 1 && c.Children.Length == 1 && r.Children[0].Kind == NodeKind.Variable && c.Children[0].Kind == NodeKind.Variable)
        {
            int a = r.Children[0].Variable, bv = c.Children[0].Variable;
            bool shape = r.Member == c.Member ? triangle == (a, bv) : triangle is null && !compare;
            if (a == bv || !shape || !VectorBlock.IsVectorParameter(spec, r, a) || !VectorBlock.IsVectorParameter(spec, c, bv))
            {
                return plan;
            }

            plan = plan with { Form = EntryForm.Outer, RowVariable = a, ColumnVariable = bv };
            if (Factor(value, a, bv, RowElement) is { } outer)
            {
                return plan with { RowMatrix = outer.Row, ColumnMatrix = outer.Column, Scale = outer.Scale, Negated = outer.Negated };
            }

            if (RowFactors.Factor(builder, entry, RowElement) is { } product)
            {
                return plan with { RowMatrix = product.Row!.Member, ColumnMatrix = product.Column!.Member, Scale = [product.Scale], Product = product };
            }

            return plan with { Form = EntryForm.Looped };
        }

        return plan;
    }

    /// <summary>
    /// <paramref name="value"/> as a product ±X[i, a]·Z[i, b]·s₁·…·sₖ (through products and negations) with the sⱼ free of
    /// every loop variable; <paramref name="a"/> = −1 when only the Z[i, b] factor is wanted.
    /// </summary>
    private static (string? Row, string Column, IReadOnlyList<Node> Scale, bool Negated)? Factor(Node value, int a, int b, System.Func<Node, int, bool> rowElement)
    {
        var factors = new List<Node>();
        bool negated = false;
        var stack = new Stack<Node>();
        stack.Push(value);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.Kind == NodeKind.Binary && n.BinaryOp == BinaryOp.Multiply)
            {
                stack.Push(n.Children[1]);
                stack.Push(n.Children[0]);
            }
            else if (n.Kind == NodeKind.Unary && n.UnaryOp == UnaryOp.Negate)
            {
                negated = !negated;
                stack.Push(n.Children[0]);
            }
            else
            {
                factors.Add(n);
            }
        }

        string? row = null, column = null;
        var scale = new List<Node>();
        foreach (var f in factors)
        {
            if (row is null && a >= 0 && rowElement(f, a))
            {
                row = f.Member;
            }
            else if (column is null && rowElement(f, b))
            {
                column = f.Member;
            }
            else if (f.FreeVariables.IsEmpty)
            {
                scale.Add(f);
            }
            else
            {
                return null;
            }
        }

        return column is null || (a >= 0 && row is null) ? null : (row, column, scale, negated);
    }
}
