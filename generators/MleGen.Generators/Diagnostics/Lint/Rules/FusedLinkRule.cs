using System.Collections.Immutable;
using MleGen.Generators.Families;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>MLE0108: <c>Poisson(Math.Exp(η))</c>, <c>Bernoulli(Logistic(η))</c>, <c>Bernoulli(Phi(η))</c>, <c>Binomial(n, Logistic(η))</c>: use the fused family.</summary>
internal static class FusedLinkRule
{
    public static void Analyze(LintContext context)
    {
        foreach (var likelihood in context.Spec.Likelihoods)
        {
            if (likelihood.IsCustom)
            {
                // A [LogLikelihood] term has no family whose facts apply.
                continue;
            }

            foreach (var form in FamilyLintFacts.FusedForms(likelihood.Family))
            {
                if (form.ArgumentIndex >= likelihood.Arguments.Count || likelihood.Arguments[form.ArgumentIndex] is not UnarySpec unary || unary.Op != form.Link)
                {
                    continue;
                }

                string family = FamilyLintFacts.TypeName(likelihood.Family);
                string fused = FamilyLintFacts.TypeName(form.Fused);
                string link = form.LinkMethod.Substring(form.LinkMethod.LastIndexOf('.') + 1);
                string written = form.ArgumentIndex == 0 ? $"{family}({link}(η))" : $"{family}(n, {link}(η))";
                string better = form.ArgumentIndex == 0 ? $"{fused}(η)" : $"{fused}(n, η)";
                var properties = context.ReturnedCreation(likelihood.MethodName) is not null
                    ? ImmutableDictionary<string, string?>.Empty
                        .Add(LintFix.Family, fused)
                        .Add(LintFix.Arguments, ProbabilityRule.ArgumentList(likelihood.Arguments.Count))
                        .Add(LintFix.Unwrap, form.ArgumentIndex.ToString(System.Globalization.NumberFormatInfo.InvariantInfo))
                        .Add(LintFix.UnwrapMethod, form.LinkMethod)
                    : null;
                context.Report(
                    DiagnosticDescriptors.UnfusedLink,
                    context.FamilyLocation(likelihood.MethodName),
                    additional: System.Array.Empty<Microsoft.CodeAnalysis.Location>(),
                    properties,
                    written,
                    likelihood.MethodName,
                    better);
            }
        }
    }
}
