using System;
using System.Collections.Generic;

namespace MleGen;

/// <summary>
/// <c>MLE1006</c>: severe class imbalance in a binary or categorical term (the minority class's share of the
/// observations), with the fit's per-class picture: the mean fitted probability of the observed class in each class.
/// Also counts the events per parameter for <see cref="SampleSizeCheck"/>.
/// </summary>
internal static class ClassCheck
{
    /// <summary>
    /// The minority share below which the imbalance is called severe: under 1 in 20, a cross-entropy fit can score 95 % by
    /// predicting the majority, the minority's probabilities are shrunk towards 0 and their intercept is biased (King &amp;
    /// Zeng 2001, "Logistic regression in rare events data").
    /// </summary>
    internal const double MinorityShare = 0.05;

    /// <summary>The smallest class count of the binary and categorical terms (successes or failures, weighted by trials for a binomial); null without such terms.</summary>
    public static double? MinorityCount(CheckContext c)
    {
        FittedObservations? fitted = c.Fitted;
        if (fitted is null)
        {
            return null;
        }

        double? smallest = null;
        for (int t = 0; t < fitted.Terms.Count; t++)
        {
            if (Array.IndexOf(CheckContext.ClassFamilies, fitted.Terms[t].Family) < 0)
            {
                continue;
            }

            double[] counts = Counts(fitted, t, out _);
            double min = double.PositiveInfinity;
            foreach (double count in counts)
            {
                min = Math.Min(min, count);
            }

            smallest = Math.Min(smallest ?? double.PositiveInfinity, min);
        }

        return smallest;
    }

    public static void Run(CheckContext c, List<FitDiagnostic> diagnostics)
    {
        FittedObservations? fitted = c.Fitted;
        if (fitted is null)
        {
            return;
        }

        for (int t = 0; t < fitted.Terms.Count; t++)
        {
            LikelihoodTermInfo term = fitted.Terms[t];
            if (Array.IndexOf(CheckContext.ClassFamilies, term.Family) < 0)
            {
                continue;
            }

            double[] counts = Counts(fitted, t, out double total);
            int minority = 0;
            for (int k = 1; k < counts.Length; k++)
            {
                if (counts[k] < counts[minority])
                {
                    minority = k;
                }
            }

            double share = counts[minority] / total;
            if (share >= MinorityShare)
            {
                continue;
            }

            string detail = term.Family == "CategoricalLogits" ? "" : FittedProbabilities(fitted, t);
            diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.ClassImbalance, FitDiagnosticSeverity.Warning, CheckContext.Format(
                $"Class imbalance: class {minority} is {share:P1} of {term.Observed} ({counts[minority]:G6} of {total:G6}){detail}. Cross-entropy is dominated by the majority class and the minority's probabilities are biased low; weight the classes (Weights = nameof(W), W ∝ 1/class frequency), or judge the model by the minority class's log-likelihood, not accuracy.")));
        }
    }

    /// <summary>Class counts of term <paramref name="t"/>: [failures, successes] for a binary or binomial term (weighted), per class for a categorical one.</summary>
    private static double[] Counts(FittedObservations fitted, int t, out double total)
    {
        bool categorical = fitted.Terms[t].Family == "CategoricalLogits";
        bool binomial = fitted.Terms[t].Family is "Binomial" or "BinomialLogit";
        var counts = new List<double> { 0, 0 };
        total = 0;
        for (int i = fitted.Offsets[t]; i < fitted.Offsets[t + 1]; i++)
        {
            double y = fitted.Observed[i], w = fitted.Weight[i];
            if (categorical)
            {
                int k = (int)y;
                while (counts.Count <= k)
                {
                    counts.Add(0);
                }

                counts[k] += w;
                total += w;
            }
            else if (binomial)
            {
                // the trials n = μ/p are not stored: successes y, failures from the fitted mean and variance (n = μ²/(μ − Var)).
                double trials = Trials(fitted.Mean[i], fitted.Variance[i], y);
                counts[1] += w * y;
                counts[0] += w * (trials - y);
                total += w * trials;
            }
            else
            {
                counts[y != 0 ? 1 : 0] += w;
                total += w;
            }
        }

        return [.. counts];
    }

    /// <summary>n from a binomial's mean np and variance np(1 − p): n = μ²/(μ − Var), rounded; y when p is 0 or 1.</summary>
    private static double Trials(double mean, double variance, double y)
    {
        double gap = mean - variance;
        return gap > 0 ? Math.Max(y, Math.Round(mean * mean / gap)) : y;
    }

    private static string FittedProbabilities(FittedObservations fitted, int t)
    {
        if (fitted.Terms[t].Family is "Binomial" or "BinomialLogit")
        {
            return "";
        }

        double p1 = 0, p0 = 0;
        int n1 = 0, n0 = 0;
        for (int i = fitted.Offsets[t]; i < fitted.Offsets[t + 1]; i++)
        {
            if (fitted.Observed[i] != 0)
            {
                p1 += fitted.Mean[i];
                n1++;
            }
            else
            {
                p0 += 1 - fitted.Mean[i];
                n0++;
            }
        }

        return CheckContext.Format($"; mean fitted probability of the observed class: {(n1 > 0 ? p1 / n1 : double.NaN):F3} in class 1, {(n0 > 0 ? p0 / n0 : double.NaN):F3} in class 0");
    }
}
