using System;
using System.Collections.Generic;

namespace MleGen;

/// <summary>
/// <c>MLE1005</c>: heavy tails under a Normal likelihood. The sample kurtosis b₂ = n·Σrᵢ⁴/(Σrᵢ²)² of a Normal term's
/// standardized (Pearson) residuals is compared with its exact mean 3(n − 1)/(n + 1) and variance
/// 24n(n − 2)(n − 3)/((n + 1)²(n + 3)(n + 5)) under normality (Pearson 1930; D'Agostino &amp; Stephens 1986, §7).
/// </summary>
internal static class HeavyTailCheck
{
    /// <summary>
    /// The one-sided z of b₂ beyond which tails are called heavy: the normal 0.1 % point. b₂ is right-skewed in small samples,
    /// so its true false-alarm rate is higher, about 1 % at n = 50–100 (D'Agostino's tables): still well under 5 %.
    /// </summary>
    internal const double KurtosisZ = 3.09;

    /// <summary>The smallest excess kurtosis worth a warning: a Student t with ν ≈ 10 (excess 6/(ν − 4) = 1); lighter excess barely moves the MLE.</summary>
    internal const double MinExcessKurtosis = 1;

    /// <summary>Fewer observations give b₂ no power and an unreliable null distribution.</summary>
    internal const int MinObservations = 20;

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
            int n = term.ObservationCount;
            if (term.Family != "Normal" || n < MinObservations)
            {
                continue;
            }

            double s2 = 0, s4 = 0;
            for (int i = fitted.Offsets[t]; i < fitted.Offsets[t + 1]; i++)
            {
                double r = fitted.Residual(ResidualKind.Pearson, i);
                s2 += r * r;
                s4 += r * r * r * r;
            }

            double b2 = n * s4 / (s2 * s2);
            double mean = 3.0 * (n - 1) / (n + 1);
            double variance = 24.0 * n * (n - 2) * (n - 3) / ((n + 1.0) * (n + 1.0) * (n + 3.0) * (n + 5.0));
            double z = (b2 - mean) / Math.Sqrt(variance);
            if (z > KurtosisZ && b2 - 3 > MinExcessKurtosis)
            {
                diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.HeavyTails, FitDiagnosticSeverity.Warning, CheckContext.Format(
                    $"Heavy tails: the standardized residuals of {term.Observed} (Normal term {term.Method}) have kurtosis {b2:F2} (3 for normal data; z = {z:F1}): a few outliers dominate the Normal likelihood and its standard errors. Use a StudentT (estimated ν) or Laplace observation model, or CovarianceKind.Sandwich for robust standard errors.")));
            }
        }
    }
}
