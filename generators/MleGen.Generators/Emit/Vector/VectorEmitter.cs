using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Differentiation;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit.Vector;

/// <summary>
/// The vector kernels of a model (issue 12): per likelihood term, the NLL and the fused NLL + gradient over blocks of
/// 4 (<c>Vector256</c>) and 8 (<c>Vector512</c>) observations, the scalar kernel running the remainder of a chunk. The
/// generated <c>EvaluateChunk</c> dispatches on the evaluator's <c>VectorWidth</c>. A term with any construct that has
/// no vector form keeps only its scalar kernels (see docs/internals/simd.md).
/// </summary>
/// <remarks>
/// The vector kernels are emitted from their own lowering of the model, so the scalar kernels' text (node ids, local
/// names) does not depend on whether the vector kernels exist.
/// </remarks>
internal sealed partial class VectorEmitter
{
    private readonly ModelIr _model;
    private readonly MemberAccess _members;
    private readonly bool[] _vectorized;

    private VectorEmitter(ModelIr model, MemberAccess members, bool plan)
    {
        _model = model;
        _members = members;
        _vectorized = new bool[model.Terms.Count];

        // No information kernel is vectorized until PlanInformation says so (a failed plan leaves every term scalar).
        _hessian = new bool[model.Terms.Count];
        _expected = new bool[model.Terms.Count];
        for (int t = 0; plan && t < model.Terms.Count; t++)
        {
            // A dry run of both kernels at both widths: the term is vectorized only when every one has a vector form.
            var scratch = new IndentedWriter();
            _vectorized[t] = VectorWidth.All.All(width => EmitValue(scratch, t, width) && EmitGradient(scratch, t, width));
        }
    }

    /// <summary>Plans the vector kernels of <paramref name="spec"/> (a fresh lowering of it).</summary>
    /// <remarks>
    /// The generator never throws: should planning meet a case it was not written for, the model keeps its scalar
    /// kernels (the tests assert that the benchmark models and the family models do get their vector kernels).
    /// </remarks>
    public static VectorEmitter Plan(ModelSpec spec)
    {
        try
        {
            var emitter = new VectorEmitter(ModelIr.Lower(spec, vectorForms: true), new MemberAccess(spec, dataLocals: true), plan: true);
            emitter.PlanInformation(spec);
            return emitter;
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            // Not an error of the user's model (its scalar kernels are planned separately and fail loud): only the speed-up is lost.
            return new VectorEmitter(ModelIr.Lower(spec, vectorForms: true), new MemberAccess(spec, dataLocals: true), plan: false);
        }
    }

    public bool IsVectorized(int term) => _vectorized[term];

    public static string ValueMethod(int term, VectorWidth width) => LikelihoodEmitter.ValueMethod(term) + "_V" + width.LanesText;

    public static string GradientMethod(int term, VectorWidth width) => LikelihoodEmitter.GradientMethod(term) + "_V" + width.LanesText;

    /// <summary>The dispatch of a term's NLL on the evaluator's vector width, as a C# expression.</summary>
    public string ValueCall(int term) => Dispatch(term, w => ValueMethod(term, w), LikelihoodEmitter.ValueMethod(term), "(theta, start, end)");

    /// <summary>The dispatch of a term's NLL + gradient on the evaluator's vector width, as a C# expression.</summary>
    public string GradientCall(int term) => Dispatch(term, w => GradientMethod(term, w), LikelihoodEmitter.GradientMethod(term), "(theta, output, start, end)");

    private string Dispatch(int term, System.Func<VectorWidth, string> vector, string scalar, string arguments) =>
        Dispatch(_vectorized[term], vector, scalar, arguments);

    private static string Dispatch(bool vectorized, System.Func<VectorWidth, string> vector, string scalar, string arguments)
    {
        if (!vectorized)
        {
            return scalar + arguments;
        }

        return "this.__Evaluator.VectorWidth switch { 8 => " + vector(VectorWidth.V8) + arguments + ", 4 => " + vector(VectorWidth.V4) + arguments + ", _ => " + scalar + arguments + " }";
    }

    /// <summary>Writes the vector kernels of every vectorized term.</summary>
    public void EmitMethods(IndentedWriter w)
    {
        for (int t = 0; t < _model.Terms.Count; t++)
        {
            if (!_vectorized[t])
            {
                continue;
            }

            foreach (var width in VectorWidth.All)
            {
                w.Line();
                EmitValue(w, t, width);
                w.Line();
                EmitGradient(w, t, width);
            }
        }

        EmitInformationMethods(w);
    }

    private bool EmitValue(IndentedWriter w, int index, VectorWidth width)
    {
        var cached = LoopCaches((scratch, set) => EmitValue(scratch, index, width, set));
        return EmitValue(w, index, width, cached).Failed is null;
    }

    /// <summary>
    /// The values a kernel keeps in loop caches (<see cref="VectorBlock.LoopCached"/>): two dry runs of the kernel, the
    /// first finding the values computed again in a later loop over their index, the second which of those cached
    /// values the later loops read back (a value whose use is now a cached value's, such as the parts of a cached term, is dropped).
    /// </summary>
    private static IReadOnlyCollection<Node> LoopCaches(System.Func<IndentedWriter, IReadOnlyCollection<Node>, VectorBlock> emit)
    {
        var first = emit(new IndentedWriter(), System.Array.Empty<Node>());
        if (first.Failed is not null || first.Repeated.Count == 0)
        {
            return System.Array.Empty<Node>();
        }

        var second = emit(new IndentedWriter(), first.Repeated.ToList());
        return second.Failed is null ? second.ReadBack.ToList() : System.Array.Empty<Node>();
    }

    private VectorBlock EmitValue(IndentedWriter w, int index, VectorWidth width, IReadOnlyCollection<Node> loopCached)
    {
        var term = _model.Terms[index];
        var roots = new[] { term.Nll };
        w.Line("/// <summary>As <see cref=\"" + LikelihoodEmitter.ValueMethod(index) + "\"/>, " + width.LanesText + " observations at a time (" + width.Static.Substring(width.Static.LastIndexOf('.') + 1) + "), the scalar kernel for the remainder.</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private double " + ValueMethod(index, width) + "(global::System.ReadOnlySpan<double> theta, int start, int end)"))
        {
            var block = Open(w, width, roots, roots, gradient: false, loopCached);
            EmitGuard(block, roots, System.Array.Empty<int>(), LikelihoodEmitter.ValueMethod(index) + "(theta, start, end)");
            w.Line(width.Type + " acc_nll = " + width.Type + ".Zero;");
            w.Line("int i = start;");
            EmitBlocks(block, () => Accumulate(block, "acc_nll", term.Nll));

            w.Line("double nll = " + width.Static + ".Sum(acc_nll);");
            w.Line("if (i < end) nll += " + LikelihoodEmitter.ValueMethod(index) + "(theta, i, end);");
            w.Line("return nll;");
            return block;
        }
    }

    /// <summary>
    /// Before the blocks of a <see cref="VectorBlock.Bounded"/> kernel: a chunk whose loops are longer than the kernel's stack
    /// arrays (more than 64 mixture components, 32 accumulated gradient elements) runs the scalar kernel instead.
    /// </summary>
    private static void EmitGuard(VectorBlock block, IEnumerable<Node> roots, IEnumerable<int> accumulated, string scalarCall)
    {
        if (block.GuardCondition(roots, accumulated) is { } condition)
        {
            block.Writer.Line("// loops longer than the stack arrays hold: the scalar kernel (the same for every chunk of the evaluation)");
            block.Writer.Line("if (" + condition + ") return " + scalarCall + ";");
        }

        block.DeclareLogSumExpCaches(roots);
        block.DeclareLoopCaches();
    }

    private bool EmitGradient(IndentedWriter w, int index, VectorWidth width)
    {
        var b = _model.Builder;
        var contributions = ReverseMode.Gradient(b, _model.Terms[index].Nll, b.Constant(1));
        var cached = LoopCaches((scratch, set) => EmitGradient(scratch, index, width, contributions, set));
        return EmitGradient(w, index, width, contributions, cached).Failed is null;
    }

    private VectorBlock EmitGradient(IndentedWriter w, int index, VectorWidth width, IReadOnlyList<GradientContribution> contributions, IReadOnlyCollection<Node> loopCached)
    {
        var term = _model.Terms[index];
        var roots = new List<Node> { term.Nll };
        foreach (var c in contributions)
        {
            roots.Add(c.Adjoint);
            roots.AddRange(c.Parameter.Children);
        }

        w.Line("/// <summary>As <see cref=\"" + LikelihoodEmitter.GradientMethod(index) + "\"/>, " + width.LanesText + " observations at a time, the scalar kernel for the remainder.</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private double " + GradientMethod(index, width) + "(global::System.ReadOnlySpan<double> theta, global::System.Span<double> gradient, int start, int end)"))
        {
            var block = Open(w, width, roots, roots.Concat(contributions.Where(c => c.Guard is not null).Select(c => c.Guard!)), gradient: true, loopCached);
            if (contributions.Any(c => c.Guard is not null))
            {
                block.Fail("a guarded gradient contribution");
            }

            // Contributions to one parameter element whatever the observation: a vector accumulator each, summed once.
            var fixedTargets = contributions.Where(c => c.Parameter.FreeVariables.IsEmpty).ToList();
            var looped = contributions.Where(c => !c.Parameter.FreeVariables.IsEmpty).ToList();
            w.Line(width.Type + " acc_nll = " + width.Type + ".Zero;");
            for (int k = 0; k < fixedTargets.Count; k++)
            {
                if (fixedTargets[k].Parameter.Children.Any(c => !c.IsConstant))
                {
                    block.Fail("a gradient element chosen by data");
                }

                w.Line(width.Type + " acc_g" + Literals.Int(k) + " = " + width.Type + ".Zero;");
            }

            var accumulated = AccumulatedMembers(block, looped);
            EmitGuard(block, roots, accumulated.Values, LikelihoodEmitter.GradientMethod(index) + "(theta, gradient, start, end)");
            foreach (var member in accumulated)
            {
                w.Line(width.AlignedStackArray(AccumulatorLocal(member.Key), block.Scalar(_model.Builder.CountOf(member.Value))));
                w.Line(AccumulatorLocal(member.Key) + ".Clear();");
            }

            w.Line("int i = start;");
            EmitBlocks(block, () =>
            {
                Accumulate(block, "acc_nll", term.Nll);
                block.Emit(fixedTargets.Select(c => Unnegated(c.Adjoint).Value));
                for (int k = 0; k < fixedTargets.Count; k++)
                {
                    Accumulate(block, "acc_g" + Literals.Int(k), fixedTargets[k].Adjoint);
                }

                EmitLoopedContributions(block, looped, accumulated);
            });

            if (accumulated.Count > 0)
            {
                w.Line("// the lane sums of the per-element accumulators, once per chunk");
            }

            foreach (var member in accumulated)
            {
                string count = block.Scalar(_model.Builder.CountOf(member.Value));
                using (w.Block("for (int __a = 0; __a < " + count + "; __a++)"))
                {
                    w.Line(_members.Gradient(member.Key, new[] { "__a" }) + " += " + width.Static + ".Sum(" + AccumulatorLocal(member.Key) + "[__a]);");
                }
            }

            w.Line("double nll = " + width.Static + ".Sum(acc_nll);");
            for (int k = 0; k < fixedTargets.Count; k++)
            {
                var p = fixedTargets[k].Parameter;
                string target = _members.Gradient(p.Member, p.Children.Select(block.Scalar).ToArray());
                w.Line(target + " += " + width.Static + ".Sum(acc_g" + Literals.Int(k) + ");");
            }

            ParameterPreamble.FlushGradient(w, _model.Spec);
            w.Line("if (i < end) nll += " + LikelihoodEmitter.GradientMethod(index) + "(theta, gradient, i, end);");
            w.Line("return nll;");
            return block;
        }
    }

    /// <summary>
    /// The loop over the chunk's blocks, <c>for (; i &lt;= end − W; i += W) { body }</c>. With count tables, twice: one
    /// copy for chunks where every table exists, reading only the tables, the other calling only the functions. Either
    /// way a read is the same value (a table entry is the function's value at its count), so no bit changes; but a loop
    /// that merely contains the calls, even untaken, keeps its vectors on the stack across them (the JIT's registers
    /// are all caller-saved): the negative binomial's width-4 block loaded and stored 8 vectors a block.
    /// </summary>
    private static void EmitBlocks(VectorBlock block, System.Action body)
    {
        var w = block.Writer;
        string loop = "for (; i <= end - " + block.Width.LanesText + "; i += " + block.Width.LanesText + ")";
        var ranges = block.CountTableRanges;
        if (ranges.Count == 0)
        {
            using (w.Block(loop))
            {
                body();
            }

            return;
        }

        using (w.Block("if (" + string.Join(" && ", ranges.Select(r => r + " > 0")) + ")"))
        {
            EmitCopy(block, loop, body, CountTableReads.Tables);
        }

        using (w.Block("else"))
        {
            EmitCopy(block, loop, body, CountTableReads.Functions);
        }
    }

    private static void EmitCopy(VectorBlock block, string loop, System.Action body, CountTableReads reads)
    {
        block.CountTableReads = reads;
        block.BeginCopy();
        using (block.Writer.Block(loop))
        {
            body();
        }

        block.EndCopy();
        block.CountTableReads = CountTableReads.Either;
    }

    private static string AccumulatorLocal(string member) => "acc_" + MemberAccess.GradientLocal(member);

    /// <summary>
    /// The vector parameters (with their loop variable) whose gradient elements <c>g_Means[k] += adjoint</c> are added
    /// in a loop over k inside the block, not as row updates: each gets a stack array of vector accumulators, one per
    /// element, so a block adds vectors and the lane sums are taken once per chunk instead of once per block.
    /// </summary>
    private SortedDictionary<string, int> AccumulatedMembers(VectorBlock block, IReadOnlyList<GradientContribution> contributions)
    {
        var result = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
        var excluded = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var c in contributions)
        {
            var p = c.Parameter;
            var variables = p.FreeVariables.ToArray();
            bool simple = variables.Length == 1 && block.IsVectorParameter(p, variables[0]) && RowUpdate(block, c.Adjoint, variables[0]) is null
                && (!result.TryGetValue(p.Member, out int known) || known == variables[0]);
            if (simple && !excluded.Contains(p.Member))
            {
                result[p.Member] = variables[0];
            }
            else
            {
                excluded.Add(p.Member);
                result.Remove(p.Member);
            }
        }

        return result;
    }

    /// <summary>
    /// <c>g_Beta[j] += adjoint</c> over j for the block: <c>X[i, j]·s</c> as FMA row updates of the W rows, the others
    /// in one loop nest per set of loop variables (sharing the work of their statements) adding each element's vector
    /// into its accumulator (<paramref name="accumulated"/>) or its lane sum into the gradient.
    /// </summary>
    private void EmitLoopedContributions(VectorBlock block, IReadOnlyList<GradientContribution> contributions, SortedDictionary<string, int> accumulated)
    {
        var w = block.Writer;
        var rest = new List<GradientContribution>();
        foreach (var c in contributions)
        {
            var p = c.Parameter;
            var variables = p.FreeVariables.ToArray();
            if (p.Children.Any(child => child.Kind is not (NodeKind.Variable or NodeKind.Constant)))
            {
                block.Fail("a gradient element at a computed index");
                return;
            }

            if (variables.Length == 1 && block.IsVectorParameter(p, variables[0]) && RowUpdate(block, c.Adjoint, variables[0]) is { } update)
            {
                block.Emit(new[] { update.Scale });
                string scale = block.Operand(update.Scale);
                w.Line("global::MleGen.VectorKernels.AddScaledRows(" + MemberAccess.GradientLocal(p.Member) + ".Slice(0, " + block.Scalar(_model.Builder.CountOf(variables[0])) + "), "
                    + MemberAccess.DataLocal(update.Matrix) + ", i, " + (update.Negated ? "-" : "") + scale + ");");
            }
            else
            {
                rest.Add(c);
            }
        }

        foreach (var group in rest.GroupBy(c => c.Parameter.FreeVariables))
        {
            var ordered = group.Key.ToArray().OrderBy(v => _model.Builder.Variables[v].Depth).ThenBy(v => v).ToArray();
            foreach (int v in ordered)
            {
                block.OpenLoop(v);
            }

            block.Emit(group.Select(c => accumulated.ContainsKey(c.Parameter.Member) ? Unnegated(c.Adjoint).Value : c.Adjoint));
            foreach (var c in group)
            {
                var p = c.Parameter;
                string element = _members.Gradient(p.Member, p.Children.Select(block.Scalar).ToArray());
                if (accumulated.ContainsKey(p.Member))
                {
                    Accumulate(block, AccumulatorLocal(p.Member) + "[" + block.Scalar(p.Children[0]) + "]", c.Adjoint);
                }
                else
                {
                    w.Line(element + " += " + block.Width.Static + ".Sum(" + block.Operand(c.Adjoint) + ");");
                }
            }

            foreach (int v in ordered.Reverse())
            {
                block.CloseLoop(v);
            }
        }
    }

    /// <summary>
    /// <c>target += value</c> for the block, as <c>target -= x</c> when the value is −x (the same bits: a + (−x) and
    /// a − x round alike), so the negation is not computed.
    /// </summary>
    private static void Accumulate(VectorBlock block, string target, Node value)
    {
        var (x, negated) = Unnegated(value);
        block.Emit(new[] { x });
        block.Writer.Line(target + (negated ? " -= " : " += ") + block.Operand(x) + ";");
    }

    private static (Node Value, bool Negated) Unnegated(Node node) =>
        node.Kind == NodeKind.Unary && node.UnaryOp == UnaryOp.Negate && node.Type == ScalarType.Double ? (node.Children[0], true) : (node, false);

    /// <summary><c>X[i, v]·s</c> or <c>−(X[i, v]·s)</c> with s free of v.</summary>
    private static (string Matrix, Node Scale, bool Negated)? RowUpdate(VectorBlock block, Node adjoint, int variable)
    {
        bool negated = false;
        if (adjoint.Kind == NodeKind.Unary && adjoint.UnaryOp == UnaryOp.Negate)
        {
            negated = true;
            adjoint = adjoint.Children[0];
        }

        if (adjoint.Kind != NodeKind.Binary || adjoint.BinaryOp != BinaryOp.Multiply)
        {
            return null;
        }

        for (int k = 0; k < 2; k++)
        {
            var x = adjoint.Children[k];
            var s = adjoint.Children[1 - k];
            if (block.IsRowElement(x, variable) && !s.FreeVariables.Contains(variable))
            {
                return (x.Member, s, negated);
            }
        }

        return null;
    }

    /// <summary>The method's preamble (offsets, θ views, gradient views, data locals, hoisted θ-only values) and the block emitter.</summary>
    /// <remarks>The NLL and gradient kernels are <see cref="VectorBlock.Bounded"/> (they check their loop counts first) and keep the <paramref name="loopCached"/> values.</remarks>
    private VectorBlock Open(IndentedWriter w, VectorWidth width, IReadOnlyList<Node> roots, IEnumerable<Node> reads, bool gradient, IReadOnlyCollection<Node> loopCached) =>
        Open(_model, w, width, roots, reads, gradient, hoistInvariants: false, loopCached);

    private VectorBlock Open(ModelIr model, IndentedWriter w, VectorWidth width, IReadOnlyList<Node> roots, IEnumerable<Node> reads, bool gradient, bool hoistInvariants, IReadOnlyCollection<Node>? loopCached = null)
    {
        bool bounded = loopCached is not null;
        var spec = model.Spec;
        ParameterPreamble.Offsets(w, spec);
        ParameterPreamble.ParameterViews(w, spec);
        if (gradient)
        {
            ParameterPreamble.GradientViews(w, spec);
        }

        DataPreamble.Locals(w, _members, model.Builder, reads);
        var printer = new ExpressionPrinter(_members, model.Builder.Variables);
        var hoist = new BlockEmitter(w, printer, model.Builder, roots);
        hoist.Emit(roots, EmitScope.Method, "// θ-only subexpressions, hoisted out of the observation loop");
        hoist.EmitTables(roots, caches: false, bounded);
        hoist.EmitCountTables(spec, roots, scalarReads: false);
        var block = new VectorBlock(w, printer, model.Builder, _members, spec, width, hoist.Locals, hoist.CountTables)
        {
            HoistInvariants = hoistInvariants,
            Bounded = bounded,
            TableVariables = hoist.TableVariables.ToList(),
            LoopCached = loopCached ?? (IReadOnlyCollection<Node>)System.Array.Empty<Node>(),
        };
        if (!bounded)
        {
            block.DeclareLogSumExpCaches(roots);
        }

        return block;
    }
}
