using MleGen.Generators.Specs;

namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>MLE0110: a HalfNormal or Gamma prior (support θ ≥ 0) on a parameter that may go below 0.</summary>
internal static class PriorSupportRule
{
    public static void Analyze(LintContext context)
    {
        foreach (var parameter in context.Spec.Parameters)
        {
            if (parameter.Simplex || parameter.Lower >= 0)
            {
                continue;
            }

            foreach (var prior in parameter.Priors)
            {
                if (prior.Kind is PriorKind.HalfNormal or PriorKind.Gamma)
                {
                    context.Report(
                        DiagnosticDescriptors.PriorSupportMismatch,
                        context.PriorLocation(parameter.Name, prior.Kind),
                        prior.Kind == PriorKind.HalfNormal ? "HalfNormalPrior" : "GammaPrior",
                        parameter.Name);
                }
            }
        }
    }
}
