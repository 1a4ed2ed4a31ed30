using System;
using System.Collections.Generic;
using MathNet.Numerics;

namespace MleGen;

/// <summary>
/// <c>MLE1010</c>: over-dispersion in a Poisson or binomial term. The Pearson statistic X² = Σ rᵢ² (Pearson residuals) is
/// χ² with n − k degrees of freedom when the model holds (McCullagh &amp; Nelder 1989, §4.5); X²/(n − k) estimates the
/// dispersion, 1 for these families.
/// </summary>
internal static class DispersionCheck
{
    /// <summary>The dispersion X²/df above which the warning is worth giving: standard errors 1.22 times too small (√1.5).</summary>
    internal const double MaxDispersion = 1.5;

    /// <summary>
    /// And the upper-tail p-value of X² on its χ² must be below this: the dispersion is not a chance excess (X² of
    /// Poisson data with small means is more variable than χ², so the level is strict).
    /// </summary>
    internal const double PValue = 1e-3;

    private static readonly string[] Families = ["Poisson", "PoissonLog", "Binomial", "BinomialLogit"];

    /// <summary>Adds the warning and returns true when some term is over-dispersed.</summary>
    public static bool Run(CheckContext c, List<FitDiagnostic> diagnostics)
    {
        FittedObservations? fitted = c.Fitted;
        if (fitted is null)
        {
            return false;
        }

        bool any = false;
        for (int t = 0; t < fitted.Terms.Count; t++)
        {
            LikelihoodTermInfo term = fitted.Terms[t];
            int df = term.ObservationCount - c.FreeCount;
            if (Array.IndexOf(Families, term.Family) < 0 || df < 1)
            {
                continue;
            }

            double x2 = 0;
            for (int i = fitted.Offsets[t]; i < fitted.Offsets[t + 1]; i++)
            {
                double r = fitted.Residual(ResidualKind.Pearson, i);
                x2 += double.IsFinite(r) ? r * r : 0;
            }

            double dispersion = x2 / df;
            double p = SpecialFunctions.GammaUpperRegularized(df / 2.0, x2 / 2);
            if (dispersion > MaxDispersion && p < PValue)
            {
                string alternative = term.Family.StartsWith("Poisson", StringComparison.Ordinal) ? "a NegativeBinomial observation model" : "a beta-binomial model or an observation-level effect";
                diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.Overdispersion, FitDiagnosticSeverity.Warning, CheckContext.Format(
                    $"Over-dispersion: {term.Observed} ({term.Family} term {term.Method}) varies {dispersion:F2} times more than the model allows (Pearson χ² = {x2:F1} on {df} df, p = {p:G2}), so the model-based standard errors are about {Math.Sqrt(dispersion):F2} times too small. Use {alternative}, or fit.WithCovariance(CovarianceKind.Sandwich) for robust standard errors.")));
                any = true;
            }
        }

        return any;
    }
}
