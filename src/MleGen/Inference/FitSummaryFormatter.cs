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
        TidyTable table = fit.Tidy(options.WithExponentiate(false));
        if (fit.Model is { } model)
        {
            sb.AppendLine(model.ToString());
        }

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
        if (fit.Model?.Glm is { Exponentiable: true } glm)
        {
            AppendExponentiated(sb, fit, table, glm);
        }

        if (options.Correlation)
        {
            AppendCorrelation(sb, fit, table);
        }

        if (fit.Glm is { } deviance)
        {
            AppendDeviance(sb, deviance);
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

        sb.Append("Iterations: ").Append(fit.Iterations.ToString(Invariant)).Append(fit.Iterations == 0 ? string.Empty : " " + IterationUnit(fit.Method, fit.Iterations))
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

    /// <summary>exp(coefficient) with its interval: rate ratios (log link) or odds ratios (logit link), as <c>exp(cbind(coef(fit), confint(fit)))</c>.</summary>
    private static void AppendExponentiated(StringBuilder sb, FitResult fit, TidyTable table, GlmTerm glm)
    {
        sb.AppendLine().Append(glm.Link == GlmLink.Log ? "Rate ratios" : "Odds ratios").Append(", exp(coefficient), with the ")
          .Append(ConfidenceLevels.Percent(table.ConfidenceLevel)).Append(' ').Append(table.Intervals == IntervalKind.Profile ? "profile" : "Wald").AppendLine(" interval:");
        int width = 10;
        foreach (TidyRow row in table.Rows)
        {
            width = Math.Max(width, row.Term.Length + 1);
        }

        (string lowerLabel, string upperLabel) = ConfidenceLevels.Labels(table.ConfidenceLevel);
        sb.Append(string.Empty.PadRight(width)).Append(Column("exp(Est.)")).Append(Column(lowerLabel)).Append(Column(upperLabel)).AppendLine();
        for (int i = 0; i < table.Rows.Count; i++)
        {
            if (fit.Parameters[i].Name == glm.Dispersion)
            {
                continue;
            }

            TidyRow row = table.Rows[i];
            sb.Append(row.Term.PadRight(width)).Append(Column(Number(Math.Exp(row.Estimate))))
              .Append(Column(Optional(row.ConfidenceLow is double lo ? Math.Exp(lo) : null)))
              .Append(Column(Optional(row.ConfidenceHigh is double hi ? Math.Exp(hi) : null))).AppendLine();
        }
    }

    /// <summary>R's deviance lines of <c>print.summary.glm</c>.</summary>
    private static void AppendDeviance(StringBuilder sb, GlmStatistics glm)
    {
        sb.AppendLine().Append("(Dispersion parameter for ").Append(GlmTerm.FamilyName(glm.Family)).Append(" family ")
          .Append(glm.Family == GlmFamily.Gaussian ? "estimated as " : "taken to be ").Append(Number(glm.Dispersion)).AppendLine(")");
        if (glm.NullDeviance is double nullDeviance)
        {
            sb.Append("    Null deviance: ").Append(Number(nullDeviance)).Append("  on ").Append(glm.NullDegreesOfFreedom!.Value.ToString(Invariant)).AppendLine(" degrees of freedom");
        }

        sb.Append("Residual deviance: ").Append(Number(glm.Deviance)).Append("  on ").Append(glm.ResidualDegreesOfFreedom.ToString(Invariant)).AppendLine(" degrees of freedom");
    }

    private static string IterationUnit(FitMethod method, int iterations) => (method, iterations == 1) switch
    {
        (FitMethod.Newton, true) => "Newton step",
        (FitMethod.Newton, false) => "Newton steps",
        (FitMethod.FisherScoring, true) => "Fisher-scoring step",
        (FitMethod.FisherScoring, false) => "Fisher-scoring steps",
        (FitMethod.Lbfgs, _) => "L-BFGS iterations (with the Newton polish)",
        (FitMethod.OwlQn, _) => "OWL-QN iterations (with the Newton polish on the active set)",
        _ => "iterations",
    };

    private static string Optional(double? x) => x is double v ? Number(v) : "NA";

    private static string CovarianceLabel(CovarianceKind kind) => kind switch
    {
        CovarianceKind.Expected => "expected information",
        CovarianceKind.Sandwich => "sandwich (robust, HC0)",
        _ => "observed information",
    };

    private static string Column(string text) => text.PadLeft(13);

    /// <summary>A column of the derived quantities' intervals, wide enough for "Profile 97.5 %" and a space.</summary>
    private static string Wide(string text) => text.PadLeft(16);

    private static string Number(double x) => x.ToString("G6", Invariant);

    /// <summary>
    /// The "Derived quantities" block: each [Derived] g(θ̂) with its delta-method standard error, its Wald interval and its
    /// profile-likelihood interval (the likelihood maximized subject to g(θ) = t; NA where the fit cannot be profiled).
    /// </summary>
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
        sb.Append("Derived quantities (delta-method standard errors; Wald and profile-likelihood ").Append(ConfidenceLevels.Percent(fit.ConfidenceLevel)).Append(" intervals):").AppendLine();
        // The interval columns are wider than the others: "Profile 97.5 %" has 14 characters.
        sb.Append(string.Empty.PadRight(width)).Append(Column("Estimate")).Append(Column("Std. Error"))
          .Append(Wide("Wald " + lowerLabel)).Append(Wide(upperLabel)).Append(Wide("Profile " + lowerLabel)).Append(Wide(upperLabel)).AppendLine();
        foreach (ParameterEstimate d in fit.DerivedInOrder)
        {
            sb.Append(d.Name.PadRight(width)).Append(Column(Number(d.Estimate)));
            if (d.StandardError is double se)
            {
                sb.Append(Column(Number(se))).Append(Wide(Optional(d.Lower))).Append(Wide(Optional(d.Upper)));
            }
            else
            {
                sb.Append(Column("NA")).Append(Wide("NA")).Append(Wide("NA"));
            }

            (double? low, double? high) = DerivedProfile(fit, d.Name);
            sb.Append(Wide(Optional(low))).Append(Wide(Optional(high))).AppendLine();
        }
    }

    private static (double?, double?) DerivedProfile(FitResult fit, string name)
    {
        if (!fit.Converged)
        {
            // A profile is measured from the maximum: without one there is nothing to measure from.
            return (null, null);
        }

        try
        {
            (double lower, double upper) = fit.ProfileInterval(name);
            return (lower, upper);
        }
        catch (InvalidOperationException)
        {
            // g not finite at the estimate: no interval rather than a wrong one.
            return (null, null);
        }
    }

    private static string PValue(double p) => p < 2e-16 ? "<2e-16" : p.ToString("G3", Invariant);
}
