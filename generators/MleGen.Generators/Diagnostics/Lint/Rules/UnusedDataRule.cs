namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>MLE0109: a [Data] member that no likelihood term reads (observed, weights, values or length).</summary>
internal static class UnusedDataRule
{
    public static void Analyze(LintContext context)
    {
        var read = SpecWalk.DataRead(context.Spec);
        foreach (var data in context.Spec.Data)
        {
            if (!read.Contains(data.Name))
            {
                context.Report(DiagnosticDescriptors.UnusedData, context.MemberLocation(data.Name), data.Name);
            }
        }
    }
}
