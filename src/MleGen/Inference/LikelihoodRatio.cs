namespace MleGen;

/// <summary>A likelihood-ratio test between nested fits.</summary>
/// <param name="Statistic">2(ℓ_full − ℓ_restricted).</param>
/// <param name="DegreesOfFreedom">The difference in the number of free parameters.</param>
/// <param name="PValue">The upper tail of χ²(<see cref="DegreesOfFreedom"/>) at <see cref="Statistic"/>.</param>
public sealed record LikelihoodRatio(double Statistic, int DegreesOfFreedom, double PValue);
