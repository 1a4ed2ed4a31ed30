using System;

namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>Every MLE01xx rule, in ID order; each reads the spec and reports through the context.</summary>
internal static class LintRules
{
    public static readonly Action<LintContext>[] All =
    {
        UnboundedScaleRule.Analyze,          // MLE0101
        CollapsibleMixtureRule.Analyze,      // MLE0102
        UnusedParameterRule.Analyze,         // MLE0103
        IdentifiabilityRule.Analyze,         // MLE0104
        ReferenceClassRule.Analyze,          // MLE0105
        DiscreteDataRule.Analyze,            // MLE0106
        ProbabilityRule.Analyze,             // MLE0107
        FusedLinkRule.Analyze,               // MLE0108
        UnusedDataRule.Analyze,              // MLE0109
        PriorSupportRule.Analyze,            // MLE0110
    };
}
