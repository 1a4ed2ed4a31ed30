using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>
/// MLE0105: <c>CategoricalLogits.Of(K, k => …)</c> whose logit has a term that gives every class its own free
/// parameters — <c>B0[k]</c>, <c>W[k, j] * X[i, j]</c>, <c>Sum(J, j => W[k, j] * X[i, j])</c> — so adding a
/// constant to all of them shifts every logit alike and leaves the softmax unchanged. Silent when a
/// condition on the class picks a reference (<c>k == 0 ? 0 : …</c>), when the parameter has a prior, or when
/// the parameter is read anywhere else (which may identify it).
/// </summary>
internal static class ReferenceClassRule
{
    public static void Analyze(LintContext context)
    {
        var readsByMember = CountReads(context.Spec);
        foreach (var likelihood in context.Spec.Likelihoods)
        {
            if (likelihood.Family != FamilyKind.CategoricalLogits
                || likelihood.Arguments.Count < 2
                || likelihood.Arguments[1] is not LambdaSpec lambda
                || HasClassCondition(lambda))
            {
                continue;
            }

            var shiftReads = new Dictionary<string, int>(System.StringComparer.Ordinal);
            foreach (var term in Chains.Terms(lambda.Body))
            {
                if (ShiftParameter(term.Spec, lambda.Variable) is { } member)
                {
                    shiftReads[member] = shiftReads.TryGetValue(member, out int n) ? n + 1 : 1;
                }
            }

            var free = shiftReads
                .Where(entry => context.Parameter(entry.Key) is { Priors.Count: 0 } && readsByMember[entry.Key] == entry.Value)
                .Select(entry => entry.Key)
                .OrderBy(name => name, System.StringComparer.Ordinal)
                .ToList();
            if (free.Count > 0)
            {
                context.Report(DiagnosticDescriptors.NoReferenceClass, context.LikelihoodLocation(likelihood.MethodName), likelihood.MethodName, string.Join("', '", free));
            }
        }
    }

    /// <summary>True when some ?: condition of the logit reads the class: the usual way to fix a reference class.</summary>
    private static bool HasClassCondition(LambdaSpec lambda) =>
        SpecWalk.DescendantsAndSelf(lambda.Body).Any(spec => spec is ConditionalSpec c && SpecWalk.ReadsVariable(c.Condition, lambda.Variable));

    /// <summary>
    /// The parameter a logit term shifts per class: a read indexed by the class variable alone in one position,
    /// possibly times a factor free of the class, possibly summed over another index.
    /// </summary>
    private static string? ShiftParameter(ExprSpec term, string classVariable)
    {
        switch (term)
        {
            case ParamReadSpec read
                when read.Indices.Count(index => index is VariableSpec v && v.Name == classVariable) == 1
                    && read.Indices.All(index => index is VariableSpec v && v.Name == classVariable || !SpecWalk.ReadsVariable(index, classVariable)):
                return read.Member;
            case BinarySpec { Op: BinaryOp.Multiply } product:
                if (ShiftParameter(product.Left, classVariable) is { } left && IsClassFree(product.Right, classVariable, left))
                {
                    return left;
                }

                if (ShiftParameter(product.Right, classVariable) is { } right && IsClassFree(product.Left, classVariable, right))
                {
                    return right;
                }

                return null;
            case ReductionSpec { Kind: ReductionKind.Sum } sum when !SpecWalk.ReadsVariable(sum.Count, classVariable):
                return ShiftParameter(sum.Body, classVariable);
            default:
                return null;
        }
    }

    private static bool IsClassFree(ExprSpec factor, string classVariable, string member) =>
        !SpecWalk.ReadsVariable(factor, classVariable) && !SpecWalk.ReadsParameter(factor, member);

    private static Dictionary<string, int> CountReads(ModelSpec model)
    {
        var counts = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var spec in SpecWalk.AllExpressions(model))
        {
            string? member = spec switch
            {
                ParamReadSpec p => p.Member,
                MemberVectorSpec { IsParameter: true } m => m.Member,
                _ => null,
            };
            if (member is not null)
            {
                counts[member] = counts.TryGetValue(member, out int n) ? n + 1 : 1;
            }
        }

        return counts;
    }
}
