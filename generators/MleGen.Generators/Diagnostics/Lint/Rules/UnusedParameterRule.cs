namespace MleGen.Generators.Diagnostics.Lint.Rules;

/// <summary>MLE0103: a [Param] that no likelihood term reads and no prior constrains.</summary>
internal static class UnusedParameterRule
{
    public static void Analyze(LintContext context)
    {
        var read = SpecWalk.ParametersRead(context.Spec);
        foreach (var parameter in context.Spec.Parameters)
        {
            if (!read.Contains(parameter.Name) && parameter.Priors.Count == 0)
            {
                context.Report(DiagnosticDescriptors.UnusedParameter, context.MemberLocation(parameter.Name), parameter.Name);
            }
        }
    }
}
