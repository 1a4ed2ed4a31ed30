using System;
using System.Globalization;

namespace MleGen;

/// <summary>
/// The categorical observation model over classes 0..K−1 given unnormalized logits (softmax regression; the MLE
/// behind cross-entropy): log p(y) = logit[y] − logsumexp(logits).
/// </summary>
public readonly struct CategoricalLogits : IObservationFamily, IBoundedFamilySupport
{
    private readonly double[] _logits;
    private readonly double _logNormalizer;

    private CategoricalLogits(double[] logits, double logNormalizer)
    {
        _logits = logits;
        _logNormalizer = logNormalizer;
    }

    /// <summary>The number of classes K (0 for the default value, which gives every class −∞).</summary>
    public int Classes => _logits?.Length ?? 0;

    /// <summary>The K logits, as evaluated when the distribution was created.</summary>
    public ReadOnlySpan<double> Logits => _logits;

    /// <summary>The observed value is a class index.</summary>
    public static string SupportDescription => "an integer class index between 0 and the number of classes − 1";

    /// <summary>Evaluates <paramref name="logit"/> at 0..<paramref name="classes"/>−1 and stores the logits.</summary>
    /// <param name="classes">The number of classes K; at least 1.</param>
    /// <param name="logit">The unnormalized log probability of class k; each must be finite.</param>
    /// <returns>The categorical distribution with probabilities softmax(logits).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logit"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 1 or a logit is not finite.</exception>
    public static CategoricalLogits Of(int classes, Func<int, double> logit)
    {
        ArgumentNullException.ThrowIfNull(logit);
        if (classes < 1)
        {
            throw FamilyArguments.Fail(nameof(classes), classes, "must be at least 1");
        }

        var logits = new double[classes];
        for (int k = 0; k < classes; k++)
        {
            double value = logit(k);
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(logit),
                    $"logit({k.ToString(CultureInfo.InvariantCulture)}) must be finite, was {value.ToString("R", CultureInfo.InvariantCulture)}");
            }

            logits[k] = value;
        }

        return new CategoricalLogits(logits, Functions.LogSumExp(classes, k => logits[k]));
    }

    /// <summary>True when <paramref name="y"/> is an integer in [0, <paramref name="classes"/> − 1].</summary>
    public static bool IsInSupport(double y, int classes) => Support.IsIntegerUpTo(y, classes - 1);

    /// <summary>logit[y] − logsumexp(logits); −∞ outside 0..K−1 or for a non-integer.</summary>
    public double LogDensity(double y) => IsInSupport(y, Classes) ? LogDensity((int)y) : double.NegativeInfinity;

    /// <summary>logit[y] − logsumexp(logits); −∞ outside 0..K−1.</summary>
    public double LogDensity(int y) =>
        y >= 0 && y < Classes ? _logits[y] - _logNormalizer : double.NegativeInfinity;
}
