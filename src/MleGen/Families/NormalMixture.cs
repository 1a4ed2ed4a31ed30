using System;
using System.Globalization;

namespace MleGen;

/// <summary>
/// A finite mixture of normal distributions: p(y) = Σₖ wₖ·N(y; μₖ, sdₖ²), evaluated by log-sum-exp. Its likelihood is
/// unbounded when a component's sd collapses onto one observation; bound or give a prior to the scales.
/// </summary>
public readonly struct NormalMixture : ICensorableFamily, IFamilySupport
{
    /// <summary>
    /// Tolerance on Σw − 1: simplex parameters come from a softmax and sum to 1 only up to rounding (a few K·ε);
    /// 1e-8 accepts that and still catches weights that were never normalized.
    /// </summary>
    private const double WeightSumTolerance = 1e-8;

    private readonly double[] _weights;
    private readonly double[] _means;
    private readonly double[] _sds;

    /// <summary>Creates the mixture; the arrays are copied.</summary>
    /// <param name="weights">The mixing weights; non-negative, finite, summing to 1.</param>
    /// <param name="means">The component means; finite; same length as <paramref name="weights"/>.</param>
    /// <param name="sds">The component standard deviations; positive and finite; same length as <paramref name="weights"/>.</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The arrays are empty or their lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An element is out of range or NaN, or the weights do not sum to 1.</exception>
    public NormalMixture(double[] weights, double[] means, double[] sds)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(sds);
        if (weights.Length == 0)
        {
            throw new ArgumentException("weights must have at least one component", nameof(weights));
        }

        if (means.Length != weights.Length || sds.Length != weights.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"weights, means and sds must have the same length, were {weights.Length}, {means.Length} and {sds.Length}"),
                means.Length != weights.Length ? nameof(means) : nameof(sds));
        }

        double sum = 0;
        for (int k = 0; k < weights.Length; k++)
        {
            Check(weights[k] >= 0 && double.IsFinite(weights[k]), nameof(weights), k, weights[k], "must be non-negative and finite");
            Check(double.IsFinite(means[k]), nameof(means), k, means[k], "must be finite");
            Check(sds[k] > 0 && double.IsFinite(sds[k]), nameof(sds), k, sds[k], "must be positive and finite");
            sum += weights[k];
        }

        if (!(Math.Abs(sum - 1) <= WeightSumTolerance))
        {
            throw FamilyArguments.Fail(nameof(weights), sum, "must sum to 1");
        }

        _weights = (double[])weights.Clone();
        _means = (double[])means.Clone();
        _sds = (double[])sds.Clone();
    }

    /// <summary>The number of components K (0 for the default value, whose density is −∞ everywhere).</summary>
    public int Components => _weights?.Length ?? 0;

    /// <summary>The mixing weights.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The component means.</summary>
    public ReadOnlySpan<double> Means => _means;

    /// <summary>The component standard deviations.</summary>
    public ReadOnlySpan<double> Sds => _sds;

    /// <summary>The observed value is any real number.</summary>
    public static string SupportDescription => "a finite real number";

    /// <summary>True when <paramref name="y"/> is finite.</summary>
    public static bool IsInSupport(double y) => double.IsFinite(y);

    /// <summary>log Σₖ wₖ·N(y; μₖ, sdₖ²) by a streaming log-sum-exp; −∞ for a non-finite <paramref name="y"/>.</summary>
    public double LogDensity(double y) => IsInSupport(y) ? LogSumOverComponents(y, ComponentTerm.Density) : double.NegativeInfinity;

    /// <summary>log F(y) = log Σₖ wₖ Φ((y − μₖ)/sdₖ), each log Φ tail-stable, summed by log-sum-exp; −∞ below every component's reach, 0 at +∞.</summary>
    public double LogCdf(double y) => double.IsNaN(y) ? double.NaN : LogSumOverComponents(y, ComponentTerm.Cdf);

    /// <summary>log S(y) = log Σₖ wₖ Φ((μₖ − y)/sdₖ), accurate where S underflows and where F rounds to 1.</summary>
    public double LogCcdf(double y) => double.IsNaN(y) ? double.NaN : LogSumOverComponents(y, ComponentTerm.Ccdf);

    private enum ComponentTerm
    {
        Density,
        Cdf,
        Ccdf,
    }

    /// <summary>log Σₖ wₖ·gₖ(y) with g the component's density, CDF or survival, by a streaming log-sum-exp.</summary>
    private double LogSumOverComponents(double y, ComponentTerm kind)
    {
        double max = double.NegativeInfinity;
        double scaledSum = 0; // Σ exp(termₖ − max)
        for (int k = 0; k < Components; k++)
        {
            double logComponent = kind switch
            {
                ComponentTerm.Density => MathNet.Numerics.Distributions.Normal.PDFLn(_means[k], _sds[k], y),
                ComponentTerm.Cdf => Functions.LogPhi((y - _means[k]) / _sds[k]),
                _ => Functions.LogPhi((_means[k] - y) / _sds[k]),
            };
            double term = Math.Log(_weights[k]) + logComponent;
            if (term == double.NegativeInfinity)
            {
                continue; // a zero weight or an underflowed component adds nothing
            }

            if (term <= max)
            {
                scaledSum += Math.Exp(term - max);
            }
            else
            {
                scaledSum = (scaledSum * Math.Exp(max - term)) + 1;
                max = term;
            }
        }

        return max == double.NegativeInfinity ? max : max + Math.Log(scaledSum);
    }

    private static void Check(bool valid, string name, int index, double value, string requirement)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(
                name,
                string.Create(CultureInfo.InvariantCulture, $"{name}[{index}] {requirement}, was {value:R}"));
        }
    }

    /// <summary>The mean Σₖ wₖμₖ.</summary>
    public double Mean
    {
        get
        {
            double mean = 0;
            for (int k = 0; k < Components; k++)
            {
                mean += _weights[k] * _means[k];
            }

            return mean;
        }
    }

    /// <summary>The variance Σₖ wₖ(sdₖ² + (μₖ − mean)²).</summary>
    public double Variance
    {
        get
        {
            double mean = Mean;
            double variance = 0;
            for (int k = 0; k < Components; k++)
            {
                double d = _means[k] - mean;
                variance += _weights[k] * ((_sds[k] * _sds[k]) + (d * d));
            }

            return variance;
        }
    }
}
