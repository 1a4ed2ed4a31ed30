namespace MleGen;

/// <summary>The identifiers of the run-time diagnostics in <see cref="FitResult.Diagnostics"/>; each has a help page <c>docs/diagnostics/&lt;Id&gt;.md</c>.</summary>
public static class FitDiagnosticIds
{
    /// <summary>The optimizer did not converge.</summary>
    public const string NotConverged = "MLE1001";

    /// <summary>A scale parameter is heading to zero: the likelihood diverges.</summary>
    public const string DivergingLikelihood = "MLE1002";

    /// <summary>The information matrix is not positive definite: some parameters are not identified.</summary>
    public const string SingularInformation = "MLE1003";
}
