using System;
using System.Globalization;

namespace MleGen;

/// <summary>
/// The per-observation outputs of <see cref="IMleModel.EvaluateFitted"/> for one likelihood term, each as long as
/// the term has observations: the observed value (as a double; a bool is 0/1), its weight (1 without weights), and
/// where the term's family defines them (<see cref="LikelihoodTermInfo"/>) its mean, variance and unit deviance at θ.
/// </summary>
public readonly ref struct FittedColumns
{
    /// <summary>Wraps the five output spans (all of the same length).</summary>
    public FittedColumns(Span<double> observed, Span<double> weight, Span<double> mean, Span<double> variance, Span<double> deviance)
    {
        Observed = observed;
        Weight = weight;
        Mean = mean;
        Variance = variance;
        Deviance = deviance;
    }

    /// <summary>yᵢ.</summary>
    public Span<double> Observed { get; }

    /// <summary>wᵢ (1 for a term without weights).</summary>
    public Span<double> Weight { get; }

    /// <summary>E[yᵢ] under the fitted family (written only when the family has moments).</summary>
    public Span<double> Mean { get; }

    /// <summary>Var[yᵢ] under the fitted family (written only when the family has moments).</summary>
    public Span<double> Variance { get; }

    /// <summary>The unit deviance 2·(log p(yᵢ | mean = yᵢ) − log p(yᵢ | fitted)), other family parameters held (written only when the family has one).</summary>
    public Span<double> Deviance { get; }

    /// <summary>Throws unless every span holds <paramref name="count"/> elements.</summary>
    /// <exception cref="ArgumentException">A span's length differs (the message names it).</exception>
    public void RequireLength(int count)
    {
        Check(Observed.Length, nameof(Observed));
        Check(Weight.Length, nameof(Weight));
        Check(Mean.Length, nameof(Mean));
        Check(Variance.Length, nameof(Variance));
        Check(Deviance.Length, nameof(Deviance));

        void Check(int length, string name)
        {
            if (length != count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} has {length} elements; the term has {count} observations."), "columns");
            }
        }
    }
}
