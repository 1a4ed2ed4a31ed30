using System;
using System.Globalization;

namespace MleGen;

/// <summary>
/// The proportional-odds (ordered logit) model for ordinal classes 0…K−1 with K − 1 increasing cut-points, as R's
/// <c>MASS::polr</c>: P(y ≤ k) = Logistic(cuts[k] − eta), so P(y = k) = F(cuts[k] − eta) − F(cuts[k−1] − eta) with
/// cuts[−1] = −∞ and cuts[K−1] = +∞. (polr's levels 1…K are the classes 0…K−1; its zeta are the cuts and its linear
/// predictor has no intercept, which the cuts absorb.)
/// </summary>
public readonly struct OrderedLogistic : IObservationFamily, IBoundedFamilySupport
{
    private readonly double[] _cuts;

    /// <summary>Creates the distribution; the cut-points are copied.</summary>
    /// <param name="eta">The linear predictor; finite.</param>
    /// <param name="cuts">The K − 1 cut-points; at least one, finite and strictly increasing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cuts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="cuts"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eta"/> or a cut-point is not finite, or the cut-points are not strictly increasing.</exception>
    public OrderedLogistic(double eta, double[] cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        FamilyArguments.ThrowIfNotFinite(eta);
        if (cuts.Length == 0)
        {
            throw new ArgumentException("cuts must have at least one cut-point (two classes)", nameof(cuts));
        }

        for (int k = 0; k < cuts.Length; k++)
        {
            if (!double.IsFinite(cuts[k]) || (k > 0 && !(cuts[k] > cuts[k - 1])))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(cuts),
                    string.Create(CultureInfo.InvariantCulture, $"cuts[{k}] = {cuts[k]:R} must be finite and above cuts[{k - 1}]: the cut-points must be strictly increasing"));
            }
        }

        Eta = eta;
        _cuts = (double[])cuts.Clone();
    }

    /// <summary>The linear predictor.</summary>
    public double Eta { get; }

    /// <summary>The cut-points.</summary>
    public ReadOnlySpan<double> Cuts => _cuts;

    /// <summary>The number of classes K = cut-points + 1 (0 for the default value).</summary>
    public int Classes => _cuts is null ? 0 : _cuts.Length + 1;

    /// <summary>The observed value is a class index.</summary>
    public static string SupportDescription => "an integer class index between 0 and the number of cut-points";

    /// <summary>True when <paramref name="y"/> is an integer in [0, <paramref name="classes"/> − 1].</summary>
    public static bool IsInSupport(double y, int classes) => Support.IsIntegerUpTo(y, classes - 1);

    /// <summary>
    /// The expected class E[y] = Σₖ k·P(y = k) = Σ_{k&lt;K−1} P(y &gt; k) = Σₖ Logistic(eta − cuts[k]), on the class scale 0…K−1
    /// (the fitted value of an ordinal observation).
    /// </summary>
    public double Mean
    {
        get
        {
            double mean = 0;
            for (int k = 0; k < _cuts.Length; k++)
            {
                mean += Functions.Logistic(Eta - _cuts[k]);
            }

            return mean;
        }
    }

    /// <summary>Var[y] = E[y²] − E[y]², E[y²] = Σ_{k&lt;K−1} (2k + 1)·P(y &gt; k).</summary>
    public double Variance
    {
        get
        {
            double mean = 0, square = 0;
            for (int k = 0; k < _cuts.Length; k++)
            {
                double above = Functions.Logistic(Eta - _cuts[k]);
                mean += above;
                square += ((2 * k) + 1) * above;
            }

            return Math.Max(0, square - (mean * mean));
        }
    }

    /// <summary>P(y ≤ k) = Logistic(cuts[k] − eta) (1 for the last class).</summary>
    public double Cdf(int k) => k < 0 ? 0 : k >= _cuts.Length ? 1 : Functions.Logistic(_cuts[k] - Eta);

    /// <summary>log P(y); −∞ outside 0…K−1 or for a non-integer.</summary>
    public double LogDensity(double y) => IsInSupport(y, Classes) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>
    /// log P(y) in stable form: −softplus(eta − cuts[0]) for the first class, −softplus(cuts[K−2] − eta) for the last, and
    /// a + log(1 − e^{−(cuts[y] − cuts[y−1])}) − softplus(a) − softplus(b) between, a = cuts[y] − eta, b = cuts[y−1] − eta.
    /// </summary>
    public double LogDensity(int y)
    {
        int last = Classes - 1;
        if (y < 0 || y > last || last < 1)
        {
            return double.NegativeInfinity;
        }

        if (y == 0)
        {
            return -Functions.Softplus(Eta - _cuts[0]);
        }

        if (y == last)
        {
            return -Functions.Softplus(_cuts[last - 1] - Eta);
        }

        double a = _cuts[y] - Eta, b = _cuts[y - 1] - Eta;
        double gap = _cuts[y] - _cuts[y - 1];
        return a + Functions.Log1mExp(gap) - Functions.Softplus(a) - Functions.Softplus(b);
    }
}
