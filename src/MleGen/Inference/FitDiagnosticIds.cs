namespace MleGen;

/// <summary>The identifiers of the run-time diagnostics in <see cref="FitResult.Diagnostics"/>; each has a help page <c>docs/diagnostics/&lt;Id&gt;.md</c>.</summary>
public static class FitDiagnosticIds
{
    /// <summary>The optimizer did not converge.</summary>
    public const string NotConverged = "MLE1001";

    /// <summary>A parameter is heading to its bound while the likelihood grows without limit (a scale collapsing onto the data, a mixture component onto one point).</summary>
    public const string DivergingLikelihood = "MLE1002";

    /// <summary>The information matrix is not positive definite: some parameters are not identified (the message names the null direction's).</summary>
    public const string SingularInformation = "MLE1003";

    /// <summary>(Quasi-)complete separation in a binary or categorical model: some estimates run off to ±∞.</summary>
    public const string Separation = "MLE1004";

    /// <summary>Heavy tails under a Normal likelihood: the standardized residuals' kurtosis is far above 3.</summary>
    public const string HeavyTails = "MLE1005";

    /// <summary>Severe class imbalance in a binary or categorical model.</summary>
    public const string ClassImbalance = "MLE1006";

    /// <summary>Mis-specification: the sandwich (robust) standard errors differ markedly from the model-based ones.</summary>
    public const string Misspecification = "MLE1007";

    /// <summary>A small sample: few observations (or events) per parameter; scale MLEs are biased low.</summary>
    public const string SmallSample = "MLE1008";

    /// <summary>An estimate on (or numerically at) a bound, or running to an infinite limit: its Wald interval does not apply.</summary>
    public const string AtBound = "MLE1009";

    /// <summary>Over-dispersion in a Poisson or binomial model: Pearson χ²/df far above 1.</summary>
    public const string Overdispersion = "MLE1010";
}
