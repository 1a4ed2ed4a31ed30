namespace MleGen;

/// <summary>A run-time diagnostic attached to a <see cref="FitResult"/>.</summary>
/// <param name="Id">The identifier, e.g. <c>MLE1001</c> (see <see cref="FitDiagnosticIds"/>).</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What happened, naming the parameters involved.</param>
public sealed record FitDiagnostic(string Id, FitDiagnosticSeverity Severity, string Message)
{
    /// <summary>The relative path of the help page explaining the diagnostic.</summary>
    public string HelpLink => $"docs/diagnostics/{Id}.md";

    /// <summary>"MLE1001 (Warning): message".</summary>
    public override string ToString() => $"{Id} ({Severity}): {Message}";
}
