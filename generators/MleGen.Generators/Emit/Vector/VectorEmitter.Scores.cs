using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Differentiation;
using MleGen.Generators.Ir;

namespace MleGen.Generators.Emit.Vector;

/// <summary>
/// The vector kernels of the score outer product Σᵢ sᵢsᵢᵀ (the sandwich's meat): per term, <c>__ScoreOuter&lt;t&gt;_V4/_V8</c>
/// compute the scores of a block of W observations as vectors (one lane an observation), write them as W rows of p into a
/// stack array, and add the block's rank-W update Σₖ sₖsₖᵀ to the upper triangle (<c>VectorKernels.AddOuterUpper</c>);
/// the scalar kernel runs the remainder, and the whole chunk when p is past <see cref="MaxBlockScores"/>/W.
/// </summary>
internal sealed partial class VectorEmitter
{
    /// <summary>Doubles of the block's score rows on the stack (16 KB): p ≤ 256 at width 8, 512 at width 4.</summary>
    private const int MaxBlockScores = 2048;

    private bool[] _scores = [];

    public static string ScoreMethod(int term, VectorWidth width) => InformationEmitter.ScoreMethod(term) + "_V" + width.LanesText;

    public bool IsScoreVectorized(int term) => _scores.Length > term && _scores[term];

    /// <summary>The dispatch of a term's score outer product on the evaluator's vector width, as a C# statement.</summary>
    public string ScoreCall(int term) =>
        DispatchStatement(IsScoreVectorized(term), w => ScoreMethod(term, w), InformationEmitter.ScoreMethod(term), "(theta, output, scratch, start, end);");

    private void PlanScores()
    {
        int count = _model.Terms.Count;
        _scores = new bool[count];
        for (int t = 0; _info is not null && t < count; t++)
        {
            var scratch = new IndentedWriter();
            int term = t;
            _scores[t] = VectorWidth.All.All(width => EmitScores(scratch, term, width));
        }
    }

    private void EmitScoreMethods(IndentedWriter w)
    {
        for (int t = 0; _info is not null && t < _scores.Length; t++)
        {
            if (!_scores[t])
            {
                continue;
            }

            foreach (var width in VectorWidth.All)
            {
                w.Line();
                EmitScores(w, t, width);
            }
        }
    }

    private bool EmitScores(IndentedWriter w, int index, VectorWidth width)
    {
        var model = _info!.Ir;
        var b = model.Builder;
        var contributions = _info.Terms[index].Gradient;
        var roots = new List<Node>();
        foreach (var c in contributions)
        {
            roots.Add(c.Adjoint);
            roots.AddRange(c.Parameter.Children);
        }

        string scalarName = InformationEmitter.ScoreMethod(index);
        string lanes = width.LanesText;
        w.Line("/// <summary>As <see cref=\"" + scalarName + "\"/>, the scores of " + lanes + " observations at a time and a rank-" + lanes + " update of the upper triangle, the scalar kernel for the remainder.</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private void " + ScoreMethod(index, width) + "(global::System.ReadOnlySpan<double> theta, global::System.Span<double> meat, global::System.Span<double> score, int start, int end)"))
        {
            w.Line("int p = score.Length;");
            using (w.Block("if (p > " + Literals.Int(MaxBlockScores / width.Lanes) + ")"))
            {
                w.Line(scalarName + "(theta, meat, score, start, end);");
                w.Line("return;");
            }

            var block = Open(model, w, width, roots, roots.Concat(contributions.Where(c => c.Guard is not null).Select(c => c.Guard!)), gradient: false, hoistInvariants: true);
            if (contributions.Any(c => c.Guard is not null))
            {
                block.Fail("a guarded score contribution");
            }

            w.Line("// the block's scores, row k the score of observation i + k");
            w.Line("global::System.Span<double> scores = stackalloc double[" + lanes + " * p];");
            w.Line("int i = start;");
            using (w.Block("for (; i <= end - " + lanes + "; i += " + lanes + ")"))
            {
                w.Line("scores.Clear();");
                EmitScoreContributions(block, contributions);
                w.Line("// meat += Σₖ sₖsₖᵀ on and above the diagonal (the evaluator mirrors it)");
                w.Line(Kernels + ".AddOuterUpper(meat, scores, p);");
            }

            w.Line("if (i < end) " + scalarName + "(theta, meat, score, i, end);");
            return block.Failed is null;
        }
    }

    /// <summary>
    /// Each contribution's lanes into the block's score rows: X[i, j]·s over a vector parameter as scaled rows
    /// (<c>VectorKernels.AddScoreRows</c>), any other element's vector scattered lane by lane (<c>ScatterLanes</c>).
    /// </summary>
    private void EmitScoreContributions(VectorBlock block, IReadOnlyList<GradientContribution> contributions)
    {
        var w = block.Writer;
        var b = _info!.Builder;
        var rest = new List<GradientContribution>();
        foreach (var c in contributions)
        {
            var p = c.Parameter;
            var variables = p.FreeVariables.ToArray();
            if (p.Children.Any(child => child.Kind is not (NodeKind.Variable or NodeKind.Constant)))
            {
                block.Fail("a score element at a computed index");
                return;
            }

            if (variables.Length == 1 && block.IsVectorParameter(p, variables[0]) && RowUpdate(block, c.Adjoint, variables[0]) is { } update)
            {
                block.Emit(new[] { update.Scale });
                w.Line(Kernels + ".AddScoreRows(scores, p, " + MemberAccess.OffsetLocal(p.Member) + ", " + MemberAccess.DataLocal(update.Matrix) + ", "
                    + block.Scalar(b.CountOf(variables[0])) + ", i, " + (update.Negated ? "-" : "") + block.Operand(update.Scale) + ");");
            }
            else
            {
                rest.Add(c);
            }
        }

        foreach (var group in rest.GroupBy(c => c.Parameter.FreeVariables))
        {
            var ordered = group.Key.ToArray().OrderBy(v => b.Variables[v].Depth).ThenBy(v => v).ToArray();
            block.Emit(group.Select(c => c.Adjoint));
            foreach (int v in ordered)
            {
                block.OpenLoop(v);
                block.Emit(group.Select(c => c.Adjoint));
            }

            foreach (var c in group)
            {
                w.Line(Kernels + ".ScatterLanes(scores, p, " + _members.FlatOffset(c.Parameter, block.Scalar) + ", " + block.Operand(c.Adjoint) + ");");
            }

            foreach (int v in ordered.Reverse())
            {
                block.CloseLoop(v);
            }
        }
    }
}
