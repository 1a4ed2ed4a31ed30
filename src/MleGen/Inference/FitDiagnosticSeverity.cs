namespace MleGen;

/// <summary>How serious a run-time diagnostic is.</summary>
public enum FitDiagnosticSeverity
{
    /// <summary>Worth knowing; the results stand.</summary>
    Info,

    /// <summary>Some results (standard errors, intervals, the estimate itself) are unreliable.</summary>
    Warning,

    /// <summary>The fit is not usable as reported.</summary>
    Error,
}
