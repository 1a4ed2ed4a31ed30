using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MleGen;

/// <summary>Derives the run-time diagnostics (<c>MLE1001</c>–<c>MLE1003</c>) of a fit.</summary>
internal static class FitDiagnosticsBuilder
{
    /// <summary>
    /// A parameter with lower bound 0 is "heading to zero" below this fraction of (1 + |start|): far
    /// below any resolution an optimizer in log coordinates reaches for a genuine interior optimum.
    /// </summary>
    private const double CollapseFraction = 1e-8;

    public static List<FitDiagnostic> Build(FitProblem problem, OptimizationOutcome outcome, CovarianceOutcome covariance, CovarianceKind kind, bool finite)
    {
        var diagnostics = new List<FitDiagnostic>();
        if (!finite)
        {
            diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.NotConverged, FitDiagnosticSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                $"The log-likelihood or objective is not finite at the estimate ({outcome.Method}, {outcome.Result.Iterations} iterations: {outcome.Result.Reason}): there is no maximum to report and no standard errors. Check the model's expressions and the start values.")));
            return diagnostics;
        }

        if (!outcome.Result.Converged)
        {
            diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.NotConverged, FitDiagnosticSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                $"The optimizer ({outcome.Method}) stopped without converging after {outcome.Result.Iterations} iterations: {outcome.Result.Reason}. Estimates and standard errors may be unreliable; try other start values, more iterations or another method.")));
        }

        for (int i = 0; i < problem.Infos.Length; i++)
        {
            ParameterInfo info = problem.Infos[i];
            if (problem.IsFixed[i] || info.Lower != 0 || info.IsSimplex)
            {
                continue;
            }

            double estimate = outcome.Theta[i];
            if (estimate < CollapseFraction * (1 + Math.Abs(problem.Start[i])))
            {
                diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.DivergingLikelihood, FitDiagnosticSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                    $"{info.Name} = {estimate:G3} is heading to its lower bound 0: the likelihood grows as it shrinks (a scale collapsing onto the data, or a boundary optimum). Its estimate, standard error and intervals are not meaningful.")));
            }
        }

        if (covariance.Covariance is null)
        {
            string names = string.Join(", ", covariance.Unidentified.Select(i => problem.Infos[i].Name));
            string label = kind == CovarianceKind.Expected ? "expected" : "observed";
            string cause = kind != CovarianceKind.Expected && problem.Model.HasKinks
                ? "The likelihood has kinks (a Laplace term): it is piecewise linear in the location's coefficients, so their observed information is 0; use CovarianceKind.Expected."
                : "The data do not identify them separately (collinear, redundant or unused parameters, or a fit that did not reach the maximum).";
            diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.SingularInformation, FitDiagnosticSeverity.Warning,
                $"The {label} information matrix is not positive definite, so standard errors are unavailable. Parameters involved: {names}. {cause}"));
        }

        return diagnostics;
    }
}
