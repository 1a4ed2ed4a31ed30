namespace MleGen;

/// <summary>A run-time diagnostic attached to a <see cref="FitResult"/>.</summary>
/// <param name="Id">The identifier, e.g. <c>MLE1001</c> (see <see cref="FitDiagnosticIds"/>).</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What happened, naming the parameters involved.</param>
public sealed record FitDiagnostic(string Id, FitDiagnosticSeverity Severity, string Message)
{
    /// <summary>The absolute address of the help page explaining the diagnostic (<c>docs/diagnostics/&lt;Id&gt;.md</c> in the MleGen repository).</summary>
    public string HelpLink => HelpLinks.ForDiagnostic(Id);

    /// <summary>"MLE1001 (Warning): message".</summary>
    public override string ToString() => $"{Id} ({Severity}): {Message}";
}
