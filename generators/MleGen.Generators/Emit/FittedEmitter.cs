using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Families;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// Emits the per-observation results of the fitted model (<c>IMleModel.LikelihoodTermCount</c>,
/// <c>GetLikelihoodTerm</c>, <c>EvaluateFitted</c>): for each observation of each likelihood term its value,
/// weight, and from the family built at θ (the runtime struct the user's method returns) its mean, variance
/// and unit deviance where the family defines them. The runtime turns them into fitted values, residuals
/// and the run-time checks.
/// </summary>
internal static class FittedEmitter
{
    private static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public static string FittedMethod(int term) => "__Fitted" + term.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);

    /// <summary>The public members, dispatching to the per-term methods.</summary>
    public static void EmitMembers(IndentedWriter w, ModelIr model, string generatedCode)
    {
        var terms = model.Terms;
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        w.Line("int " + ModelSurface.Model + "LikelihoodTermCount => " + terms.Count.ToString(System.Globalization.NumberFormatInfo.InvariantInfo) + ";");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("global::MleGen.LikelihoodTermInfo " + ModelSurface.Model + "GetLikelihoodTerm(int term)"))
        {
            using (w.Block("switch (term)"))
            {
                for (int t = 0; t < terms.Count; t++)
                {
                    var spec = terms[t].Spec;
                    if (spec.IsCustom)
                    {
                        // A custom term has rows (or one) but no family: no mean, variance or deviance.
                        w.Line("case " + Literals.Int(t) + ": return new global::MleGen.LikelihoodTermInfo(" + Literal(spec.MethodName) + ", " + Literal(spec.Observed) + ", "
                            + Literal("Custom") + ", " + (spec.IsSingle ? "1" : "this." + Identifiers.Escape(spec.Observed) + "?.Length ?? 0") + ", false, false, false);");
                        continue;
                    }

                    w.Line("case " + Literals.Int(t) + ": return new global::MleGen.LikelihoodTermInfo(" + Literal(spec.MethodName) + ", " + Literal(spec.Observed) + ", "
                        + Literal(spec.Family.ToString()) + ", this." + Identifiers.Escape(spec.Observed) + "?.Length ?? 0, " + Bool(spec.Weights is not null) + ", "
                        + Bool(FittedTable.HasMoments(spec.Family)) + ", " + Bool(FittedTable.HasDeviance(spec.Family)) + ");");
                }

                w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(term), term, \"The model has " + Literals.Int(terms.Count) + " likelihood terms.\");");
            }
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("void " + ModelSurface.Model + "EvaluateFitted(int term, global::System.ReadOnlySpan<double> theta, global::MleGen.FittedColumns columns)"))
        {
            w.Line(ValidationEmitter.EnterExclusiveUse);
            w.Line("__EnsureReady(theta.Length);");
            w.Line("int n = " + ModelSurface.This + ".GetLikelihoodTerm(term).ObservationCount;");
            w.Line("columns.RequireLength(n);");
            w.Line("// in chunks, as the evaluation kernels run");
            using (w.Block("for (int start = 0; start < n; start += global::MleGen.ChunkedEvaluator.ChunkSize)"))
            {
                w.Line("int end = global::System.Math.Min(n, start + global::MleGen.ChunkedEvaluator.ChunkSize);");
                using (w.Block("switch (term)"))
                {
                    for (int t = 0; t < terms.Count; t++)
                    {
                        w.Line("case " + Literals.Int(t) + ": " + FittedMethod(t) + "(theta, columns, start, end); break;");
                    }

                    w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(term));");
                }
            }
        }

        w.Line();
    }

    /// <summary>The per-term method: observations [start, end) into <c>columns</c>.</summary>
    public static void EmitTerm(IndentedWriter w, ModelIr model, int index, MemberAccess members)
    {
        var term = model.Terms[index];
        var family = term.Spec.Family;
        bool moments = !term.Spec.IsCustom && FittedTable.HasMoments(family);
        bool deviance = !term.Spec.IsCustom && FittedTable.HasDeviance(family);
        var roots = new List<Node> { term.Observation };
        if (moments && family != FamilyKind.NormalMixture)
        {
            roots.AddRange(term.FamilyParameters);
        }

        w.Line("/// <summary>The observed values and weights of <c>" + term.Spec.MethodName + "</c> over observations [start, end)"
            + (moments ? ", with the " + family + " family's mean and variance at θ" + (deviance ? " and its unit deviance" : "") : "") + ".</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private void " + FittedMethod(index) + "(global::System.ReadOnlySpan<double> theta, global::MleGen.FittedColumns columns, int start, int end)"))
        {
            ParameterPreamble.Offsets(w, model.Spec);
            ParameterPreamble.ParameterViews(w, model.Spec);
            DataPreamble.Locals(w, members, model.Builder, roots);
            var emitter = new BlockEmitter(w, new ExpressionPrinter(members, model.Builder.Variables), model.Builder, roots);
            emitter.Emit(roots, EmitScope.Method, "// θ-only subexpressions, hoisted out of the observation loop");
            emitter.EmitTables(roots);
            var vectors = term.Spec.Arguments.OfType<MemberVectorSpec>().Select(v => v.IsParameter ? MemberAccess.ParameterLocal(v.Member) + ".ToArray()" : "this." + Identifiers.Escape(v.Member)).ToList();
            if (moments && family == FamilyKind.NormalMixture)
            {
                w.Line("// the mixture is the same for every observation");
                w.Line("global::MleGen.NormalMixture family = new global::MleGen.NormalMixture(" + string.Join(", ", vectors) + ");");
            }
            else if (moments && vectors.Count > 0)
            {
                // A whole-vector argument (OrderedLogistic's cuts) is the same for every observation: one array, passed to each.
                w.Line("// the vector arguments are the same for every observation");
                for (int v = 0; v < vectors.Count; v++)
                {
                    w.Line("double[] vector" + Literals.Int(v) + " = " + vectors[v] + ";");
                }
            }

            using (w.Block("for (int i = start; i < end; i++)"))
            {
                emitter.PushScope();
                DataPreamble.Rows(w, members, model.Builder, roots);
                emitter.Emit(roots, EmitScope.ObservationLoop);
                w.Line("double y = " + AsDouble(term.Observation, emitter.Print(term.Observation)) + ";");
                w.Line("columns.Observed[i] = y;");
                w.Line("columns.Weight[i] = " + (term.Spec.Weights is null ? "1d" : "this." + Identifiers.Escape(term.Spec.Weights) + "[i]") + ";");
                if (moments)
                {
                    if (family != FamilyKind.NormalMixture)
                    {
                        var args = term.FamilyParameters.Select((a, k) => k == 0 && FittedTable.HasTrials(family) && a.Type != ScalarType.Int
                            ? "(int)(" + emitter.Print(a) + ")"
                            : emitter.Print(a));
                        args = args.Concat(vectors.Select((_, v) => "vector" + Literals.Int(v)));
                        w.Line("global::MleGen." + family + " family = new global::MleGen." + family + "(" + string.Join(", ", args) + ");");
                    }

                    w.Line("columns.Mean[i] = family.Mean;");
                    w.Line("columns.Variance[i] = family.Variance;");
                    if (deviance)
                    {
                        w.Line("columns.Deviance[i] = family.Deviance(y);");
                    }
                }

                emitter.PopScope();
            }
        }

        w.Line();
    }

    private static string AsDouble(Node node, string printed) => node.Type switch
    {
        ScalarType.Bool => "(" + printed + " ? 1d : 0d)",
        ScalarType.Int => "(double)" + printed,
        _ => printed,
    };

    private static string Bool(bool value) => value ? "true" : "false";
}
