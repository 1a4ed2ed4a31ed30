using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>MLE0102: a NormalMixture whose sds can reach 0 (no floor Lower &gt; 0, no prior vanishing fast enough at 0).</summary>
internal static class CollapsibleMixtureRule
{
    /// <summary>
    /// The smallest Gamma prior shape that bounds the likelihood: a component collapsing onto one point has
    /// density ∝ 1/σ, and the prior ∝ σ^(shape − 1) cancels it only for shape ≥ 2.
    /// </summary>
    private const double BoundingGammaShape = 2;

    public static void Analyze(LintContext context)
    {
        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var likelihood in context.Spec.Likelihoods)
        {
            if (likelihood.Family != FamilyKind.NormalMixture
                || likelihood.Arguments.Count < 3
                || likelihood.Arguments[2] is not MemberVectorSpec { IsParameter: true } sds
                || context.Parameter(sds.Member) is not { } parameter)
            {
                continue;
            }

            bool floored = parameter.Lower > 0;
            bool vanishingPrior = parameter.Priors.Any(p => p.Kind == PriorKind.Gamma && p.First >= BoundingGammaShape);
            if (!floored && !vanishingPrior && reported.Add(sds.Member))
            {
                context.Report(DiagnosticDescriptors.CollapsibleMixture, context.MemberLocation(sds.Member), sds.Member, likelihood.MethodName);
            }
        }
    }
}
