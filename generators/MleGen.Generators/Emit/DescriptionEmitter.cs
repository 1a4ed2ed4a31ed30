using System.Linq;
using MleGen.Generators.Description;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>Emits <c>Describe()</c>: the model's terms as text and, for a GLM-shaped model, what its deviance needs.</summary>
internal static class DescriptionEmitter
{
    /// <summary>Expressions larger than this as a tree (shared locals counted at each use) print as "…".</summary>
    private const int MaxPrintedNodes = 2_000;

    private static string Text(ExprSpec argument) =>
        Parsing.Limits.Measure(argument, MaxPrintedNodes).Size <= MaxPrintedNodes ? ExpressionText.Print(argument) : "…";

    public static void Emit(IndentedWriter w, ModelSpec spec, GlmShape? glm, string generatedCode)
    {
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("public global::MleGen.ModelDescription Describe()"))
        {
            w.Line("global::MleGen.LikelihoodTermDescription[] terms = new global::MleGen.LikelihoodTermDescription[" + spec.Likelihoods.Count + "];");
            for (int t = 0; t < spec.Likelihoods.Count; t++)
            {
                var term = spec.Likelihoods[t];
                string family = term.Family == FamilyKind.CategoricalLogits ? "CategoricalLogits.Of" : term.Family.ToString();
                string expression = term.IsCustom
                    ? (term.IsSingle ? "" : "Σᵢ ") + Text(term.Arguments[0])
                    : family + "(" + string.Join(", ", term.Arguments.Select(Text)) + ")";
                w.Line("terms[" + t + "] = new global::MleGen.LikelihoodTermDescription(" + Literals.String(term.MethodName) + ", " + Literals.String(term.Observed) + ", "
                    + Literals.String(term.Family.ToString()) + ", " + Literals.String(expression) + ", " + (term.Weights is null ? "null" : Literals.String(term.Weights)) + ");");
            }

            string priors = string.Join(", ", spec.Parameters.Where(p => p.Priors.Count > 0).Select(p => Literals.String(p.DisplayName + ": " + string.Join(" + ", p.Priors.Select(Prior)))));
            string glmArgument = "null";
            if (glm is not null)
            {
                string observed = "global::MleGen.GlmTerm.Values(this." + Identifiers.Escape(spec.Likelihoods[0].Observed) + ")";
                string trials = glm.Trials is null ? "null" : "global::MleGen.GlmTerm.Values(this." + Identifiers.Escape(glm.Trials) + ")";
                string intercept = glm.ScalarIntercept ? "true" : glm.DesignMatrix is null ? "false" : "global::MleGen.GlmTerm.HasColumnOfOnes(this." + Identifiers.Escape(glm.DesignMatrix) + ")";
                glmArgument = "new global::MleGen.GlmTerm(global::MleGen.GlmFamily." + glm.Family + ", global::MleGen.GlmLink." + glm.Link + ", " + observed + ", " + trials + ", " + intercept + ", "
                    + (glm.HasOffset ? "true" : "false") + ", " + (glm.Dispersion is null ? "null" : Literals.String(glm.Dispersion)) + ")";
            }

            w.Line("return new global::MleGen.ModelDescription(" + Literals.String(spec.TypeName) + ", terms, " + (priors.Length == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + priors + " }") + ", " + glmArgument + ");");
        }

        w.Line();
    }

    private static string Prior(PriorSpec prior)
    {
        string name = prior.Kind is PriorKind.L2 or PriorKind.L1 or PriorKind.ElasticNet ? prior.Kind.ToString() : prior.Kind + "Prior";
        string first = Literals.Plain(prior.First);
        return prior.Kind is PriorKind.HalfNormal or PriorKind.L2 or PriorKind.L1
            ? name + "(" + first + ")"
            : name + "(" + first + ", " + Literals.Plain(prior.Second) + ")";
    }
}
