using System;
using System.Globalization;
using System.Text;

namespace MleGen;

/// <summary>Formats a <see cref="FitResult"/> as an R-<c>summary()</c>-like table, culture-invariant.</summary>
internal static class FitSummaryFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(FitResult fit, ReportOptions options)
    {
        var sb = new StringBuilder();
        TidyTable table = fit.Tidy(options);
        string kind = fit.LogPosterior is null ? "Maximum-likelihood" : "MAP";
        sb.Append(kind).Append(" fit, standard errors from the ").Append(CovarianceLabel(fit.CovarianceKind)).Append("; ")
          .Append(table.Intervals == IntervalKind.Profile ? "profile-likelihood " : "Wald ")
          .Append(ConfidenceLevels.Percent(table.ConfidenceLevel)).Append(" intervals").AppendLine();
        sb.Append("Method: ").Append(fit.Method).Append(" (").Append(fit.MethodReason).Append(')').AppendLine();
        int width = 10;
        foreach (TidyRow row in table.Rows)
        {
            width = Math.Max(width, row.Term.Length + 1);
        }

        (string lowerLabel, string upperLabel) = ConfidenceLevels.Labels(table.ConfidenceLevel);
        sb.Append(string.Empty.PadRight(width))
          .Append(Column("Estimate")).Append(Column("Std. Error")).Append(Column("z value"))
          .Append(Column("Pr(>|z|)")).Append(Column(lowerLabel)).Append(Column(upperLabel)).AppendLine();
        for (int i = 0; i < table.Rows.Count; i++)
        {
            TidyRow row = table.Rows[i];
            sb.Append(row.Term.PadRight(width)).Append(Column(Number(row.Estimate)));
            if (fit.Parameters[i].IsFixed)
            {
                sb.Append(Column("(fixed)"));
            }
            else if (row.StandardError is double se)
            {
                sb.Append(Column(Number(se))).Append(Column(row.Statistic!.Value.ToString("F3", Invariant)))
                  .Append(Column(PValue(row.PValue!.Value))).Append(Column(Optional(row.ConfidenceLow))).Append(Column(Optional(row.ConfidenceHigh)));
            }
            else
            {
                sb.Append(Column("NA"));
            }

            sb.AppendLine();
        }

        AppendDerived(sb, fit, width);
        if (options.Correlation)
        {
            AppendCorrelation(sb, fit, table);
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

    /// <summary>The lower triangle of the correlation matrix of the free parameters, two decimals (R's <c>print.summary.glm</c>).</summary>
    private static void AppendCorrelation(StringBuilder sb, FitResult fit, TidyTable table)
    {
        sb.AppendLine().AppendLine("Correlation of estimates:");
        if (fit.Correlation is not double[,] r)
        {
            sb.AppendLine("  not available (the information matrix is not positive definite)");
            return;
        }

        var free = new System.Collections.Generic.List<int>();
        int width = 0, cell = 6;
        for (int i = 0; i < fit.Parameters.Count; i++)
        {
            if (!fit.Parameters[i].IsFixed)
            {
                free.Add(i);
                width = Math.Max(width, table.Rows[i].Term.Length + 1);
                cell = Math.Max(cell, table.Rows[i].Term.Length + 1);
            }
        }

        sb.Append(string.Empty.PadRight(width));
        for (int b = 0; b < free.Count - 1; b++)
        {
            sb.Append(table.Rows[free[b]].Term.PadLeft(cell));
        }

        sb.AppendLine();
        for (int a = 1; a < free.Count; a++)
        {
            sb.Append(table.Rows[free[a]].Term.PadRight(width));
            for (int b = 0; b < a; b++)
            {
                sb.Append(r[free[a], free[b]].ToString("F2", Invariant).PadLeft(cell));
            }

            sb.AppendLine();
        }
    }

    private static string Optional(double? x) => x is double v ? Number(v) : "NA";

    private static string CovarianceLabel(CovarianceKind kind) => kind switch
    {
        CovarianceKind.Expected => "expected information",
        CovarianceKind.Sandwich => "sandwich (robust, HC0)",
        _ => "observed information",
    };

    private static string Column(string text) => text.PadLeft(13);

    private static string Number(double x) => x.ToString("G6", Invariant);

    /// <summary>The "Derived quantities" block: each [Derived] g(θ̂) with its delta-method standard error and Wald interval.</summary>
    private static void AppendDerived(StringBuilder sb, FitResult fit, int width)
    {
        if (fit.DerivedInOrder.Count == 0)
        {
            return;
        }

        foreach (ParameterEstimate d in fit.DerivedInOrder)
        {
            width = Math.Max(width, d.Name.Length + 1);
        }

        (string lowerLabel, string upperLabel) = ConfidenceLevels.Labels(fit.ConfidenceLevel);
        sb.AppendLine();
        sb.Append("Derived quantities (delta-method standard errors, Wald ").Append(ConfidenceLevels.Percent(fit.ConfidenceLevel)).Append(" intervals):").AppendLine();
        sb.Append(string.Empty.PadRight(width)).Append(Column("Estimate")).Append(Column("Std. Error")).Append(Column(lowerLabel)).Append(Column(upperLabel)).AppendLine();
        foreach (ParameterEstimate d in fit.DerivedInOrder)
        {
            sb.Append(d.Name.PadRight(width)).Append(Column(Number(d.Estimate)));
            if (d.StandardError is double se)
            {
                sb.Append(Column(Number(se))).Append(Column(Optional(d.Lower))).Append(Column(Optional(d.Upper)));
            }
            else
            {
                sb.Append(Column("NA"));
            }

            sb.AppendLine();
        }
    }

    private static string PValue(double p) => p < 2e-16 ? "<2e-16" : p.ToString("G3", Invariant);
}
