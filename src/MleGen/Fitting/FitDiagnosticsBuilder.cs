using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace MleGen;

/// <summary>
/// Derives the run-time diagnostics (<c>MLE1001</c>–<c>MLE1010</c>) of a fit, and which parameters' Wald inference they
/// make unusable. Each check is its own type in <c>Fitting/Checks</c>; this class orders them and lets one explain another
/// (separation explains a singular information, over-dispersion the sandwich's disagreement).
/// </summary>
internal static class FitDiagnosticsBuilder
{
    public static (List<FitDiagnostic> Diagnostics, int[] Unusable) Build(
        FitProblem problem, OptimizationOutcome outcome, CovarianceOutcome covariance, CovarianceKind kind, bool finite, FittedObservations? fitted, CancellationToken cancellation)
    {
        var diagnostics = new List<FitDiagnostic>();
        if (!finite)
        {
            diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.NotConverged, FitDiagnosticSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                $"The log-likelihood or objective is not finite at the estimate ({outcome.Method}, {outcome.Result.Iterations} iterations: {outcome.Result.Reason}): there is no maximum to report and no standard errors. Check the model's expressions and the start values.")));
            return (diagnostics, []);
        }

        if (!outcome.Result.Converged)
        {
            diagnostics.Add(new FitDiagnostic(FitDiagnosticIds.NotConverged, FitDiagnosticSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                $"The optimizer ({outcome.Method}) stopped without converging after {outcome.Result.Iterations} iterations: {outcome.Result.Reason}. Estimates and standard errors may be unreliable; try other start values, more iterations or another method.")));
        }

        var context = new CheckContext(problem, outcome.Theta, outcome.Objective, covariance, kind, fitted, cancellation);
        bool separated = SeparationCheck.Run(context, diagnostics);
        BoundCheck.Run(context, diagnostics);
        if (covariance.Covariance is null && !separated)
        {
            diagnostics.Add(Singular(problem, covariance, kind));
        }

        bool overdispersed = DispersionCheck.Run(context, diagnostics);
        HeavyTailCheck.Run(context, diagnostics);
        ClassCheck.Run(context, diagnostics);
        if (!overdispersed && !separated && covariance.Covariance is not null)
        {
            MisspecificationCheck.Run(context, diagnostics);
        }

        SampleSizeCheck.Run(context, diagnostics);
        return (diagnostics, [.. context.Unusable]);
    }

    private static FitDiagnostic Singular(FitProblem problem, CovarianceOutcome covariance, CovarianceKind kind)
    {
        string names = string.Join(", ", covariance.Unidentified.Select(i => problem.Infos[i].Name));
        string label = kind == CovarianceKind.Expected ? "expected" : "observed";
        string cause = kind != CovarianceKind.Expected && problem.Model.HasKinks
            ? "The likelihood has kinks (a Laplace term): it is piecewise linear in the location's coefficients, so their observed information is 0; use CovarianceKind.Expected."
            : "The data do not identify them separately (collinear, redundant or unused parameters, or a fit that did not reach the maximum): remove or fix one of them, or add a prior.";
        return new FitDiagnostic(FitDiagnosticIds.SingularInformation, FitDiagnosticSeverity.Warning,
            $"The {label} information matrix is not positive definite, so standard errors are unavailable. Parameters involved: {names}. {cause}");
    }
}
