using System.Collections.Immutable;
using System.Linq;
using MleGen.Generators.Families;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>MLE0106: a continuous family on int[] (counts) or bool[] (binary) observations.</summary>
internal static class DiscreteDataRule
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

            var observed = context.Spec.Data.FirstOrDefault(d => d.Name == likelihood.Observed);
            if (observed is null
                || observed.Kind is not (DataKind.IntArray or DataKind.BoolArray)
                || FamilyLintFacts.Support(likelihood.Family) != ObservationSupport.Continuous)
            {
                continue;
            }

            bool binary = observed.Kind == DataKind.BoolArray;
            var replacement = binary ? FamilyKind.BernoulliLogit : FamilyKind.PoissonLog;
            int location = FamilyLintFacts.LocationArgument(likelihood.Family);
            var properties = location >= 0 && context.ReturnedCreation(likelihood.MethodName) is not null
                ? ImmutableDictionary<string, string?>.Empty
                    .Add(LintFix.Family, FamilyLintFacts.TypeName(replacement))
                    .Add(LintFix.Arguments, location.ToString(System.Globalization.NumberFormatInfo.InvariantInfo))
                : null;
            context.Report(
                DiagnosticDescriptors.ContinuousFamilyOnDiscreteData,
                context.FamilyLocation(likelihood.MethodName),
                additional: System.Array.Empty<Microsoft.CodeAnalysis.Location>(),
                properties,
                likelihood.MethodName,
                FamilyLintFacts.TypeName(likelihood.Family),
                likelihood.Observed,
                binary ? "binary (bool[])" : "count (int[])",
                binary ? "Bernoulli, BernoulliLogit or BernoulliProbit" : "Poisson, PoissonLog or NegativeBinomial");
        }
    }
}
