using System.Linq;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

internal static partial class InformationEmitter
{
    /// <summary>
    /// The expected information of a <c>NormalMixture</c> term, which has no closed form: its arguments are whole members
    /// (w, μ, σ), the same for every observation, so the term adds (Σᵢ wᵢ)·F(w, μ, σ) with F the per-observation
    /// information from <c>Functions.NormalMixtureInformation</c> (quadrature), scattered onto θ where an argument is a
    /// parameter (a data argument has no θ position). F is computed once per θ (a cache field; the quadrature costs
    /// milliseconds) and added per chunk, so the per-chunk sums — and a cluster's ordered fold of them — are deterministic.
    /// </summary>
    public static void EmitMixtureExpected(IndentedWriter w, ModelIr model, int index)
    {
        var term = model.Terms[index];
        var vectors = term.Spec.Arguments.OfType<MemberVectorSpec>().ToList();
        w.Line("/// <summary>Adds the expected (Fisher) information of <c>" + term.Spec.MethodName + "</c> over observations [start, end) into <paramref name=\"matrix\"/>: (Σᵢ wᵢ)·F(w, μ, σ), F by quadrature (a normal mixture has no closed form).</summary>");
        KernelAttribute.Emit(w);
        using (w.Block("private void " + ExpectedMethod(index) + "(global::System.ReadOnlySpan<double> theta, global::System.Span<double> matrix, int p, int start, int end)"))
        {
            ParameterPreamble.Offsets(w, model.Spec);
            if (term.Spec.Weights is null)
            {
                w.Line("double count = end - start;");
            }
            else
            {
                w.Line("double count = 0d;");
                w.Line("for (int i = start; i < end; i++) count += this." + Identifiers.Escape(term.Spec.Weights) + "[i];");
            }

            w.Line("if (count == 0d) return;");
            string[] spans = vectors.Select(v => v.IsParameter
                ? "theta.Slice(" + MemberAccess.OffsetLocal(v.Member) + ", this." + Identifiers.Escape(v.Member) + ".Length)"
                : "this." + Identifiers.Escape(v.Member)).ToArray();
            w.Line("int k = this." + Identifiers.Escape(vectors[0].Member) + ".Length;");
            w.Line("int size = 3 * k;");
            w.Line("double[] f = this." + CacheField(index) + ".Get(" + string.Join(", ", spans) + ");");
            using (w.Block("for (int a = 0; a < size; a++)"))
            {
                w.Line("int row = Position(a);");
                w.Line("if (row < 0) continue;");
                using (w.Block("for (int c = 0; c < size; c++)"))
                {
                    w.Line("int column = Position(c);");
                    w.Line("if (column >= row) matrix[(row * p) + column] += count * f[(a * size) + c];");
                }
            }

            w.Line();
            w.Line("// θ's position of coordinate a of (w, μ, σ); −1 for an argument that is data.");
            using (w.Block("int Position(int a)"))
            {
                w.Line("int member = a / k, element = a - (member * k);");
                string Start(MemberVectorSpec v) => v.IsParameter ? MemberAccess.OffsetLocal(v.Member) + " + element" : "-1";
                w.Line("return member == 0 ? " + Start(vectors[0]) + " : member == 1 ? " + Start(vectors[1]) + " : " + Start(vectors[2]) + ";");
            }
        }

        w.Line();
        w.Line("private readonly global::MleGen.NormalMixtureInformationCache " + CacheField(index) + " = new global::MleGen.NormalMixtureInformationCache();");
        w.Line();
    }

    /// <summary>The field holding a mixture term's F(w, μ, σ) for reuse across chunks and calls at the same θ.</summary>
    private static string CacheField(int term) => "__mixtureInformation" + term.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
}
