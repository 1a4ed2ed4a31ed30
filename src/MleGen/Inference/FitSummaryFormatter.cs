using System;
using System.Globalization;
using System.Text;

namespace MleGen;

/// <summary>Formats a <see cref="FitResult"/> as an R-<c>summary()</c>-like table, culture-invariant.</summary>
internal static class FitSummaryFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(FitResult fit)
    {
        var sb = new StringBuilder();
        string kind = fit.LogPosterior is null ? "Maximum-likelihood" : "MAP";
        sb.Append(kind).Append(" fit, standard errors from the ").Append(CovarianceLabel(fit.CovarianceKind)).AppendLine();
        sb.Append("Method: ").Append(fit.Method).Append(" (").Append(fit.MethodReason).Append(')').AppendLine();
        int width = 10;
        foreach (ParameterEstimate p in fit.Parameters)
        {
            width = Math.Max(width, p.Name.Length + 1);
        }

        sb.Append(string.Empty.PadRight(width))
          .Append(Column("Estimate")).Append(Column("Std. Error")).Append(Column("z value"))
          .Append(Column("Pr(>|z|)")).Append(Column("2.5 %")).Append(Column("97.5 %")).AppendLine();
        foreach (ParameterEstimate p in fit.Parameters)
        {
            sb.Append(p.Name.PadRight(width)).Append(Column(Number(p.Estimate)));
            if (p.IsFixed)
            {
                sb.Append(Column("(fixed)"));
            }
            else if (p.StandardError is double se)
            {
                sb.Append(Column(Number(se))).Append(Column(p.Z!.Value.ToString("F3", Invariant)))
                  .Append(Column(PValue(p.PValue!.Value))).Append(Column(Number(p.Lower!.Value))).Append(Column(Number(p.Upper!.Value)));
            }
            else
            {
                sb.Append(Column("NA"));
            }

            sb.AppendLine();
        }

        sb.AppendLine();
        sb.Append("Log-likelihood: ").Append(Number(fit.LogLikelihood))
          .Append("   AIC: ").Append(Number(fit.Aic))
          .Append("   BIC: ").Append(Number(fit.Bic))
          .Append("   n = ").Append(fit.ObservationCount.ToString(Invariant))
          .Append("   k = ").Append(fit.FreeParameterCount.ToString(Invariant)).AppendLine();
        if (fit.LogPosterior is double logPosterior)
        {
            sb.Append("Log-posterior: ").Append(Number(logPosterior)).AppendLine();
        }

        sb.Append("Iterations: ").Append(fit.Iterations.ToString(Invariant))
          .Append("   converged: ").Append(fit.Converged ? "yes" : "NO").Append(" (").Append(fit.ConvergenceReason)
          .Append(")   gradient norm: ").Append(fit.GradientNorm.ToString("G3", Invariant));
        if (fit.KktResidual is double kkt)
        {
            sb.Append("   KKT residual: ").Append(kkt.ToString("G3", Invariant));
        }

        sb.AppendLine();
        foreach (FitDiagnostic d in fit.Diagnostics)
        {
            sb.AppendLine(d.ToString());
        }

        return sb.ToString();
    }

    private static string CovarianceLabel(CovarianceKind kind) => kind switch
    {
        CovarianceKind.Expected => "expected information",
        CovarianceKind.Sandwich => "sandwich (robust, HC0)",
        _ => "observed information",
    };

    private static string Column(string text) => text.PadLeft(13);

    private static string Number(double x) => x.ToString("G6", Invariant);

    private static string PValue(double p) => p < 2e-16 ? "<2e-16" : p.ToString("G3", Invariant);
}
