using System.Collections.Immutable;
using MleGen.Generators.Families;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>
/// MLE0107: a Bernoulli or Binomial probability that is an unbounded parameter or a linear predictor
/// (sums, differences, negations and data multiples of such, <c>Sum</c>/<c>Dot</c>). Anything passed
/// through a function (<c>Logistic</c>, <c>Phi</c>, <c>Math.Exp</c>, a ratio) is left alone.
/// </summary>
internal static class ProbabilityRule
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

            int index = FamilyLintFacts.ProbabilityArgument(likelihood.Family);
            if (index < 0 || index >= likelihood.Arguments.Count || !IsUnboundedLinear(likelihood.Arguments[index], context))
            {
                continue;
            }

            var logit = FamilyLintFacts.LogitForm(likelihood.Family)!.Value;
            var properties = context.ReturnedCreation(likelihood.MethodName) is not null
                ? ImmutableDictionary<string, string?>.Empty
                    .Add(LintFix.Family, FamilyLintFacts.TypeName(logit))
                    .Add(LintFix.Arguments, ArgumentList(likelihood.Arguments.Count))
                : null;
            context.Report(
                DiagnosticDescriptors.UnboundedProbability,
                context.FamilyLocation(likelihood.MethodName),
                additional: System.Array.Empty<Microsoft.CodeAnalysis.Location>(),
                properties,
                FamilyLintFacts.TypeName(likelihood.Family),
                likelihood.MethodName,
                FamilyLintFacts.TypeName(logit));
        }
    }

    /// <summary>"0" or "0,1": every argument, in order.</summary>
    internal static string ArgumentList(int count)
    {
        var text = new System.Text.StringBuilder();
        for (int k = 0; k < count; k++)
        {
            text.Append(k == 0 ? string.Empty : ",").Append(k.ToString(System.Globalization.NumberFormatInfo.InvariantInfo));
        }

        return text.ToString();
    }

    private static bool IsUnboundedLinear(ExprSpec spec, LintContext context) => spec switch
    {
        ParamReadSpec read => context.Parameter(read.Member) is { Simplex: false } p && (p.Lower < 0 || p.Upper > 1),
        BinarySpec { Op: BinaryOp.Add or BinaryOp.Subtract } sum => IsUnboundedLinear(sum.Left, context) || IsUnboundedLinear(sum.Right, context),
        BinarySpec { Op: BinaryOp.Multiply } product =>
            (IsUnboundedLinear(product.Left, context) && !Parsing.SpecFacts.ReadsParameter(product.Right))
            || (IsUnboundedLinear(product.Right, context) && !Parsing.SpecFacts.ReadsParameter(product.Left)),
        UnarySpec { Op: UnaryOp.Negate } negate => IsUnboundedLinear(negate.Operand, context),
        ReductionSpec { Kind: ReductionKind.Sum } reduction => IsUnboundedLinear(reduction.Body, context),
        _ => false,
    };
}
