using System.Collections.Generic;
using MleGen.Generators.Families;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>MLE0101: a parameter used as a family's scale, sd, rate, shape, dispersion or ν without a lower bound ≥ 0.</summary>
internal static class UnboundedScaleRule
{
    public static void Analyze(LintContext context)
    {
        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var likelihood in context.Spec.Likelihoods)
        {
            if (likelihood.IsCustom)
            {
                // A [LogLikelihood] term has no family whose facts apply.
                continue;
            }

            foreach (var positive in FamilyLintFacts.PositiveArguments(likelihood.Family))
            {
                if (positive.Index >= likelihood.Arguments.Count)
                {
                    continue;
                }

                foreach (var name in ScaleParameters(likelihood.Arguments[positive.Index]))
                {
                    if (context.Parameter(name) is { } parameter && !parameter.Simplex && !(parameter.Lower >= 0) && reported.Add(name))
                    {
                        context.Report(
                            DiagnosticDescriptors.UnboundedScale,
                            context.MemberLocation(name),
                            name,
                            positive.Role,
                            FamilyLintFacts.TypeName(likelihood.Family),
                            likelihood.MethodName);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The parameters an argument is, up to a positive constant factor or a square root: <c>Sigma</c>,
    /// <c>Sd[g[i]]</c>, <c>2 * Sigma</c>, <c>Math.Sqrt(Variance)</c>. Anything else (<c>Math.Exp(LogSigma)</c>,
    /// <c>1 + D</c>) is positive or not by other means, and the rule stays silent.
    /// </summary>
    private static IEnumerable<string> ScaleParameters(ExprSpec argument)
    {
        switch (argument)
        {
            case ParamReadSpec read:
                yield return read.Member;
                break;
            case MemberVectorSpec { IsParameter: true } vector:
                yield return vector.Member;
                break;
            case UnarySpec { Op: UnaryOp.Sqrt } root:
                foreach (var name in ScaleParameters(root.Operand))
                {
                    yield return name;
                }

                break;
            case BinarySpec { Op: BinaryOp.Multiply or BinaryOp.Divide } product when IsPositiveConstant(product.Left) || IsPositiveConstant(product.Right):
                foreach (var name in ScaleParameters(IsPositiveConstant(product.Left) ? product.Right : product.Left))
                {
                    yield return name;
                }

                break;
        }
    }

    private static bool IsPositiveConstant(ExprSpec spec) => spec is ConstantSpec { Value: > 0 };
}
