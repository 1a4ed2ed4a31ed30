namespace MleGen;

/// <summary>
/// An observation model: the distribution of one observed value given its parameters. The value returned by a
/// <c>[Likelihood]</c> method; the term it contributes is <see cref="LogDensity(double)"/> of the observed value.
/// </summary>
public interface IObservationFamily
{
    /// <summary>
    /// The full normalized log density (or log probability mass) at <paramref name="y"/>, so that sums of it match
    /// R's log-likelihoods. Returns <see cref="double.NegativeInfinity"/> outside the support; never throws.
    /// A default-initialized family has no valid parameters: its value is then unspecified (NaN or ±∞), but it still
    /// does not throw.
    /// </summary>
    double LogDensity(double y);
}
