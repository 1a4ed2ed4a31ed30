namespace MleGen;

/// <summary>
/// Where the diagnostics' help pages live. One base for both kinds: the run-time diagnostics
/// (<see cref="FitDiagnostic.HelpLink"/>) and the compile-time descriptors (this file is linked into the
/// generator project), so the two can never point to different places.
/// </summary>
internal static class HelpLinks
{
    /// <summary>The public repository of MleGen.</summary>
    public const string RepositoryUrl = "https://github.com/mlegen/mlegen";

    /// <summary>The folder of the help pages, <c>docs/diagnostics/</c> on the main branch.</summary>
    public const string DiagnosticsBase = RepositoryUrl + "/blob/main/docs/diagnostics/";

    /// <summary>The absolute address of diagnostic <paramref name="id"/>'s help page, <c>…/docs/diagnostics/MLExxxx.md</c>.</summary>
    public static string ForDiagnostic(string id) => DiagnosticsBase + id + ".md";
}
