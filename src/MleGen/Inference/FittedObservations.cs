using System;
using System.Collections.Generic;
using System.Globalization;

namespace MleGen;

/// <summary>
/// The per-observation results of a fit, every likelihood term's observations one after another in declaration order
/// (the order of <see cref="IMleModel.ObservationCount"/>): observed values, weights, and the fitted family's mean,
/// variance and unit deviance where it defines them.
/// </summary>
internal sealed class FittedObservations
{
    private FittedObservations(LikelihoodTermInfo[] terms, int[] offsets, double[] observed, double[] weight, double[] mean, double[] variance, double[] deviance)
    {
        Terms = terms;
        Offsets = offsets;
        Observed = observed;
        Weight = weight;
        Mean = mean;
        Variance = variance;
        Deviance = deviance;
    }

    public IReadOnlyList<LikelihoodTermInfo> Terms { get; }

    /// <summary>Where each term's observations start; one more entry, the total.</summary>
    public int[] Offsets { get; }

    public double[] Observed { get; }

    public double[] Weight { get; }

    public double[] Mean { get; }

    public double[] Variance { get; }

    public double[] Deviance { get; }

    public int Count => Observed.Length;

    /// <summary>Evaluates every term of <paramref name="model"/> at <paramref name="theta"/>; null when the model reports no terms.</summary>
    public static FittedObservations? Evaluate(IMleModel model, ReadOnlySpan<double> theta)
    {
        int count = model.LikelihoodTermCount;
        if (count == 0)
        {
            return null;
        }

        var terms = new LikelihoodTermInfo[count];
        int[] offsets = new int[count + 1];
        for (int t = 0; t < count; t++)
        {
            terms[t] = model.GetLikelihoodTerm(t);
            offsets[t + 1] = offsets[t] + terms[t].ObservationCount;
        }

        int n = offsets[count];
        double[] observed = new double[n], weight = new double[n], mean = new double[n], variance = new double[n], deviance = new double[n];
        for (int t = 0; t < count; t++)
        {
            int start = offsets[t], length = terms[t].ObservationCount;
            model.EvaluateFitted(t, theta, new FittedColumns(
                observed.AsSpan(start, length), weight.AsSpan(start, length), mean.AsSpan(start, length), variance.AsSpan(start, length), deviance.AsSpan(start, length)));
        }

        return new FittedObservations(terms, offsets, observed, weight, mean, variance, deviance);
    }

    /// <summary>The fitted means.</summary>
    /// <exception cref="NotSupportedException">A term's family has no mean (the message names it).</exception>
    public double[] FittedValues()
    {
        RequireMoments("fitted values");
        return CheckedCopy(Mean, "fitted value");
    }

    /// <summary>The residuals of <paramref name="kind"/>.</summary>
    public double[] Residuals(ResidualKind kind)
    {
        RequireMoments(kind + " residuals");
        double[] result = new double[Count];
        for (int t = 0; t < Terms.Count; t++)
        {
            if (kind == ResidualKind.Deviance && !Terms[t].HasDeviance)
            {
                throw new NotSupportedException(Describe(t) + " has no deviance (only the exponential-dispersion families do: Normal, Exponential, Gamma, Bernoulli…, Binomial…, Poisson…, NegativeBinomial): use ResidualKind.Pearson or Response.");
            }

            for (int i = Offsets[t]; i < Offsets[t + 1]; i++)
            {
                double r = Residual(kind, i);
                if (!double.IsFinite(r))
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"The {kind} residual of {Terms[t].Observed}[{i - Offsets[t]}] ({Describe(t)}) is not finite: its fitted mean is {Mean[i]:G6} and variance {Variance[i]:G6} (a StudentT with ν ≤ 2 has no finite variance)."));
                }

                result[i] = r;
            }
        }

        return result;
    }

    /// <summary>The residual of observation <paramref name="i"/> (global index), unchecked.</summary>
    public double Residual(ResidualKind kind, int i)
    {
        double difference = Observed[i] - Mean[i];
        return kind switch
        {
            ResidualKind.Response => difference,
            ResidualKind.Pearson => difference * Math.Sqrt(Weight[i] / Variance[i]),
            ResidualKind.Deviance => Math.CopySign(Math.Sqrt(Math.Max(0, Weight[i] * Deviance[i])), difference),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown residual kind."),
        };
    }

    /// <summary>The index of the term holding global observation <paramref name="i"/>.</summary>
    public int TermOf(int i)
    {
        int t = 0;
        while (i >= Offsets[t + 1])
        {
            t++;
        }

        return t;
    }

    private string Describe(int t) => $"the {Terms[t].Family} term {Terms[t].Method} of {Terms[t].Observed}";

    private void RequireMoments(string what)
    {
        for (int t = 0; t < Terms.Count; t++)
        {
            if (!Terms[t].HasMoments)
            {
                throw new NotSupportedException($"{what} need a fitted mean, and {Describe(t)} has none ({Terms[t].Family}: a Cauchy has no mean, a categorical's outcome is a class).");
            }
        }
    }

    private double[] CheckedCopy(double[] values, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                int t = TermOf(i);
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The {what} of {Terms[t].Observed}[{i - Offsets[t]}] ({Describe(t)}) is not finite ({values[i]}): a StudentT with ν ≤ 1 has no mean."));
            }
        }

        return (double[])values.Clone();
    }
}
