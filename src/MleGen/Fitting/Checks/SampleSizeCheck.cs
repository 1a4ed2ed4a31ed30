using System;
using System.Collections.Generic;

namespace MleGen;

/// <summary>
/// <c>MLE1008</c>: a small sample for the number of parameters, where the asymptotics behind the standard errors have not
/// set in: observations per free parameter, and for binary or categorical terms events (minority-class observations) per
/// parameter. Scale MLEs divide by n: a Normal σ̂² is biased low by the factor (n − k)/n.
/// </summary>
internal static class SampleSizeCheck
{
    /// <summary>
    /// Fewer observations per free parameter than this: the usual rule of thumb for regression models (Harrell,
    /// "Regression Modeling Strategies", §4.4: 10–20 per parameter); below it MLE bias and Wald undercoverage are material.
    /// </summary>
    internal const double ObservationsPerParameter = 10;

    /// <summary>Fewer minority-class events per free parameter than this in a binary or categorical model (Peduzzi et al. 1996: below 10 the coefficients are biased and their intervals undercover).</summary>
    internal const double EventsPerParameter = 10;

    public static void Run(CheckContext c, List<FitDiagnostic> diagnostics)
    {
        int k = c.FreeCount;
        long n = c.ObservationCount;
        if (k == 0)
        {
            return;
        }

        double perParameter = (double)n / k;
        if (perParameter < ObservationsPerParameter)
        {
            string bias = c.HasFamily("Normal") && n > k
                ? CheckContext.Format($" The Normal scale's MLE divides by n: σ̂ is biased low by about √((n − k)/n) = {Math.Sqrt((n - k) / (double)n):F3} (multiply by √(n/(n − k)) for the usual unbiased-variance value).")
                : "";
            diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.SmallSample, FitDiagnosticSeverity.Warning, CheckContext.Format(
                $"Small sample: n = {n} observations for k = {k} free parameters ({perParameter:F1} per parameter, fewer than {ObservationsPerParameter}): the estimates may be biased and Wald intervals too narrow.{bias} Prefer profile intervals (fit.ProfileInterval), fewer parameters, or priors.")));
            return;
        }

        if (ClassCheck.MinorityCount(c) is double events && events / k < EventsPerParameter)
        {
            diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.SmallSample, FitDiagnosticSeverity.Warning, CheckContext.Format(
                $"Small sample: {events:G6} events in the smallest class for k = {k} free parameters ({events / k:F1} per parameter, fewer than {EventsPerParameter}): the coefficients are biased away from 0 and Wald intervals undercover. Prefer profile intervals (fit.ProfileInterval), fewer parameters, or priors (e.g. [NormalPrior(0, 2.5)]).")));
        }
    }
}
