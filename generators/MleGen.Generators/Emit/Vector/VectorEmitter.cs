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
            var emitter = new VectorEmitter(ModelIr.Lower(spec), new MemberAccess(spec, dataLocals: true), plan: true);
            emitter.PlanInformation(spec);
            return emitter;
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            // Not an error of the user's model (its scalar kernels are planned separately and fail loud): only the speed-up is lost.
            return new VectorEmitter(ModelIr.Lower(spec), new MemberAccess(spec, dataLocals: true), plan: false);
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
        var term = _model.Terms[index];
        var roots = new[] { term.Nll };
        w.Line("/// <summary>As <see cref=\"" + LikelihoodEmitter.ValueMethod(index) + "\"/>, " + width.LanesText + " observations at a time (" + width.Static.Substring(width.Static.LastIndexOf('.') + 1) + "), the scalar kernel for the remainder.</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private double " + ValueMethod(index, width) + "(global::System.ReadOnlySpan<double> theta, int start, int end)"))
        {
            var block = Open(w, width, roots, roots, gradient: false);
            w.Line(width.Type + " acc_nll = " + width.Type + ".Zero;");
            w.Line("int i = start;");
            using (w.Block("for (; i <= end - " + width.LanesText + "; i += " + width.LanesText + ")"))
            {
                block.Emit(roots);
                w.Line("acc_nll += " + block.Operand(term.Nll) + ";");
            }

            w.Line("double nll = " + width.Static + ".Sum(acc_nll);");
            w.Line("if (i < end) nll += " + LikelihoodEmitter.ValueMethod(index) + "(theta, i, end);");
            w.Line("return nll;");
            return block.Failed is null;
        }
    }

    private bool EmitGradient(IndentedWriter w, int index, VectorWidth width)
    {
        var term = _model.Terms[index];
        var b = _model.Builder;
        var contributions = ReverseMode.Gradient(b, term.Nll, b.Constant(1));
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
            var block = Open(w, width, roots, roots.Concat(contributions.Where(c => c.Guard is not null).Select(c => c.Guard!)), gradient: true);
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
            foreach (var member in accumulated)
            {
                w.Line(width.AlignedStackArray(AccumulatorLocal(member.Key), AccumulatorSize));
                w.Line(AccumulatorLocal(member.Key) + ".Clear();");
            }

            w.Line("int i = start;");
            using (w.Block("for (; i <= end - " + width.LanesText + "; i += " + width.LanesText + ")"))
            {
                block.Emit(new[] { term.Nll });
                w.Line("acc_nll += " + block.Operand(term.Nll) + ";");
                block.Emit(fixedTargets.Select(c => c.Adjoint));
                for (int k = 0; k < fixedTargets.Count; k++)
                {
                    w.Line("acc_g" + Literals.Int(k) + " += " + block.Operand(fixedTargets[k].Adjoint) + ";");
                }

                EmitLoopedContributions(block, looped, accumulated);
            }

            if (accumulated.Count > 0)
            {
                w.Line("// the lane sums of the per-element accumulators, once per chunk");
            }

            foreach (var member in accumulated)
            {
                string count = block.Scalar(_model.Builder.CountOf(member.Value));
                using (w.Block("for (int __a = 0; __a < " + count + " && __a < " + Literals.Int(AccumulatorSize) + "; __a++)"))
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
            return block.Failed is null;
        }
    }

    /// <summary>Elements of a vector parameter accumulated as vectors over a chunk's blocks (the first ones; the rest add lane sums per block).</summary>
    private const int AccumulatorSize = 32;

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

            block.Emit(group.Select(c => c.Adjoint));
            foreach (var c in group)
            {
                var p = c.Parameter;
                string element = _members.Gradient(p.Member, p.Children.Select(block.Scalar).ToArray());
                string adjoint = block.Operand(c.Adjoint);
                if (accumulated.ContainsKey(p.Member))
                {
                    string index = block.Scalar(p.Children[0]);
                    w.Line("if (" + index + " < " + Literals.Int(AccumulatorSize) + ") " + AccumulatorLocal(p.Member) + "[" + index + "] += " + adjoint + "; else " + element + " += " + block.Width.Static + ".Sum(" + adjoint + ");");
                }
                else
                {
                    w.Line(element + " += " + block.Width.Static + ".Sum(" + adjoint + ");");
                }
            }

            foreach (int v in ordered.Reverse())
            {
                block.CloseLoop(v);
            }
        }
    }

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
    private VectorBlock Open(IndentedWriter w, VectorWidth width, IReadOnlyList<Node> roots, IEnumerable<Node> reads, bool gradient) =>
        Open(_model, w, width, roots, reads, gradient, hoistInvariants: false);

    private VectorBlock Open(ModelIr model, IndentedWriter w, VectorWidth width, IReadOnlyList<Node> roots, IEnumerable<Node> reads, bool gradient, bool hoistInvariants)
    {
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
        hoist.EmitTables(roots, caches: false);
        hoist.EmitCountTables(spec, roots, scalarReads: false);
        var block = new VectorBlock(w, printer, model.Builder, _members, spec, width, hoist.Locals, hoist.CountTables) { HoistInvariants = hoistInvariants };
        block.DeclareLogSumExpCaches(roots);
        return block;
    }
}
