using System;
using System.Collections.Generic;

namespace MleGen;

/// <summary>
/// <c>MLE1007</c>: mis-specification, from the ratio of the sandwich (robust) standard errors to the model-based ones.
/// Under a correct model the information equals the score variance (the information-matrix equality), so the ratio is
/// near 1; a mis-specified model breaks the equality and the sandwich A⁻¹BA⁻¹ is the honest covariance (Huber 1967;
/// White 1982, "Maximum likelihood estimation of misspecified models").
/// </summary>
internal static class MisspecificationCheck
{
    /// <summary>
    /// A sandwich standard error above this many times the model-based one: variances off by a factor 2.25, model-based
    /// intervals far too narrow. The sandwich is itself noisy (relative error of order √(κ/n)), so smaller ratios are not
    /// evidence at the sample sizes it is run at. Ratios below 1 (model-based errors conservative) are not reported: the
    /// HC0 sandwich is biased low in small samples (MacKinnon &amp; White 1985), so they are mostly its own error.
    /// </summary>
    internal const double MaxRatio = 1.5;

    /// <summary>The check runs with at least this many observations per free parameter: below, the sandwich is too noisy (and <c>MLE1008</c> speaks).</summary>
    internal const double MinObservationsPerParameter = 10;

    public static void Run(CheckContext c, List<FitDiagnostic> diagnostics)
    {
        int k = c.FreeCount;
        if (k == 0 || c.Model.HasPrior || c.Model.HasKinks || c.ObservationCount < MinObservationsPerParameter * k)
        {
            return;
        }

        CovarianceKind modelKind = c.Kind == CovarianceKind.Sandwich ? CovarianceKind.Observed : c.Kind;
        double[,]? model = c.Kind == CovarianceKind.Sandwich
            ? CovarianceEstimator.Estimate(c.Model, c.Theta, c.Problem.Infos, c.Problem.IsFixed, CovarianceKind.Observed, c.Cancellation).Covariance
            : c.Covariance.Covariance;
        double[,]? sandwich = c.Kind == CovarianceKind.Sandwich
            ? c.Covariance.Covariance
            : CovarianceEstimator.Estimate(c.Model, c.Theta, c.Problem.Infos, c.Problem.IsFixed, CovarianceKind.Sandwich, c.Cancellation).Covariance;
        if (model is null || sandwich is null)
        {
            return;
        }

        var involved = new List<int>();
        double worst = 1;
        for (int i = 0; i < c.Theta.Length; i++)
        {
            if (c.Problem.IsFixed[i] || !(model[i, i] > 0) || !(sandwich[i, i] > 0) || c.Unusable.Contains(i))
            {
                continue;
            }

            double ratio = Math.Sqrt(sandwich[i, i] / model[i, i]);
            if (ratio > MaxRatio)
            {
                involved.Add(i);
                worst = Math.Max(worst, ratio);
            }
        }

        if (involved.Count == 0)
        {
            return;
        }

        string label = modelKind == CovarianceKind.Expected ? "expected-information" : "observed-information";
        diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.Misspecification, FitDiagnosticSeverity.Warning, CheckContext.Format(
            $"Mis-specification: the sandwich (robust) standard errors of {c.Names(involved)} are up to {worst:F2} times the {label} ones: the information-matrix equality fails, so the model does not describe the data's variability. The estimates target the closest model in Kullback–Leibler terms; use fit.WithCovariance(CovarianceKind.Sandwich) for honest standard errors, and revisit the observation model.")));
    }
}
