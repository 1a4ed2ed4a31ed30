namespace MleGen;

/// <summary>A covariance on the natural scale, or the parameters that made the information singular.</summary>
/// <param name="Covariance">p×p, zero rows/columns for fixed parameters; null when the information is not positive definite.</param>
/// <param name="Unidentified">θ indices involved in the singularity (empty when <paramref name="Covariance"/> is not null).</param>
internal sealed record CovarianceOutcome(double[,]? Covariance, int[] Unidentified);
