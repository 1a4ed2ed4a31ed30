namespace MleGen;

/// <summary>
/// What a <see cref="FitResult"/> forwards to the fitting layer that produced it (re-computing the
/// covariance, profiling). Implemented there, so the result never depends on the fitter.
/// </summary>
internal interface IFitSource
{
    /// <summary>The same fit with standard errors from <paramref name="kind"/>.</summary>
    FitResult WithCovariance(FitResult fit, CovarianceKind kind);

    /// <summary>The same fit with Wald intervals at <paramref name="level"/>.</summary>
    FitResult WithConfidenceLevel(FitResult fit, double level);

    /// <summary>The profile of parameter <paramref name="name"/>: its interval at <paramref name="level"/> and about <paramref name="points"/> points of the curve.</summary>
    ParameterProfile Profile(FitResult fit, string name, double level, int points);

    /// <summary>The profile-likelihood interval of parameter <paramref name="name"/> at <paramref name="level"/>.</summary>
    (double Lower, double Upper) ProfileInterval(FitResult fit, string name, double level);
}
