using System.Globalization;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>MLE0018 for prior attributes: hyperparameters and penalty weights in their domains, L1 only on unbounded parameters.</summary>
internal static class PriorArguments
{
    /// <summary>Reports every argument of <paramref name="prior"/> outside its domain; true when it has none.</summary>
    public static bool Check(ParseContext context, AttributeData attribute, PriorSpec prior, string member, bool bounded)
    {
        string name = attribute.AttributeClass?.Name is { } n && n.EndsWith("Attribute", System.StringComparison.Ordinal) ? n.Substring(0, n.Length - "Attribute".Length) : prior.Kind.ToString();
        bool ok = true;
        switch (prior.Kind)
        {
            case PriorKind.Normal:
                ok &= Finite(0, "mean", prior.First) & Positive(1, "sd", prior.Second);
                break;
            case PriorKind.Laplace:
            case PriorKind.Cauchy:
                ok &= Finite(0, "location", prior.First) & Positive(1, "scale", prior.Second);
                break;
            case PriorKind.HalfNormal:
                ok &= Positive(0, "sd", prior.First);
                break;
            case PriorKind.Gamma:
                ok &= Positive(0, "shape", prior.First) & Positive(1, "rate", prior.Second);
                break;
            case PriorKind.L2:
            case PriorKind.L1:
                ok &= NonNegative(0, "lambda", prior.First);
                break;
            case PriorKind.ElasticNet:
                ok &= NonNegative(0, "lambda", prior.First);
                if (!(prior.Second >= 0 && prior.Second <= 1))
                {
                    ok &= Report(1, "l1Ratio", prior.Second, "in [0, 1]");
                }

                break;
            default:
                throw new System.InvalidOperationException("No argument rules for the prior " + prior.Kind + ".");
        }

        bool hasL1 = prior.Kind is PriorKind.L1 or PriorKind.Laplace || (prior.Kind == PriorKind.ElasticNet && prior.Second > 0);
        if (ok && hasL1 && bounded)
        {
            // OWL-QN's orthant steps move a parameter through 0 on the real line; a bounded one is fitted on a transformed scale.
            ok &= Report(0, prior.Kind == PriorKind.Laplace ? "location" : "lambda", prior.First, "on an unbounded parameter: '" + member + "' has bounds, and an L1 part needs a parameter that can cross 0 (remove the bounds or use a smooth prior)");
        }

        return ok;

        bool Finite(int index, string argument, double value) =>
            !double.IsNaN(value) && !double.IsInfinity(value) || Report(index, argument, value, "finite");

        bool Positive(int index, string argument, double value) =>
            value > 0 && !double.IsInfinity(value) || Report(index, argument, value, "finite and > 0");

        bool NonNegative(int index, string argument, double value) =>
            value >= 0 && !double.IsInfinity(value) || Report(index, argument, value, "finite and ≥ 0");

        bool Report(int index, string argument, double value, string domain)
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
            var location = syntax?.ArgumentList is { } list && index < list.Arguments.Count
                ? list.Arguments[index].GetLocation()
                : syntax?.GetLocation();
            context.Report(DiagnosticDescriptors.InvalidConstantArgument, location, argument, name + " on '" + member + "'", Format(value), domain);
            return false;
        }
    }

    /// <summary>A number as the user would write it (culture-invariant).</summary>
    public static string Format(double value) => value.ToString("R", NumberFormatInfo.InvariantInfo);
}
