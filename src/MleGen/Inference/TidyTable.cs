using System;
using System.Collections.Generic;
using System.IO;

namespace MleGen;

/// <summary>
/// A fit's coefficient table, one row per parameter in θ order, with <c>broom::tidy</c>'s columns
/// (<see cref="ColumnNames"/>). Writes CSV, JSON and Markdown, culture-invariant, every number in its
/// shortest round-trip form (parsing it back gives the same double).
/// </summary>
public sealed partial class TidyTable
{
    private readonly TidyRow[] _rows;

    private TidyTable(TidyRow[] rows, double level, IntervalKind intervals, bool exponentiated)
    {
        _rows = rows;
        ConfidenceLevel = level;
        Intervals = intervals;
        Exponentiated = exponentiated;
    }

    /// <summary>True when the linear predictor's estimates and interval ends are exponentiated (<see cref="ReportOptions.Exponentiate"/>).</summary>
    public bool Exponentiated { get; }

    /// <summary>The column names of every format: term, estimate, std.error, statistic, p.value, conf.low, conf.high.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = ["term", "estimate", "std.error", "statistic", "p.value", "conf.low", "conf.high"];

    /// <summary>The rows, in θ order.</summary>
    public IReadOnlyList<TidyRow> Rows => _rows;

    /// <summary>The intervals' confidence level.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Whether the intervals are Wald or profile-likelihood intervals.</summary>
    public IntervalKind Intervals { get; }

    /// <summary>Writes the table to <paramref name="path"/> in the format its extension names: <c>.csv</c>, <c>.json</c>, <c>.md</c> (UTF-8).</summary>
    /// <exception cref="ArgumentException">Another extension.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => ToCsv(),
            ".JSON" => ToJson(),
            ".MD" or ".MARKDOWN" => ToMarkdown(),
            _ => throw new ArgumentException($"'{path}': the extension must be .csv, .json or .md.", nameof(path)),
        };
        File.WriteAllText(path, text);
    }

    internal static TidyTable From(FitResult fit, ReportOptions options)
    {
        options.Check(fit);
        GlmTerm? glm = fit.Model?.Glm;
        if (options.Exponentiate && glm is not { Exponentiable: true })
        {
            throw new InvalidOperationException("Exponentiated coefficients are rate or odds ratios only in a GLM-shaped model with a log or logit link; this model " + (glm is null ? "is not GLM-shaped (FitResult.Model.Glm is null)." : "has a " + GlmTerm.LinkName(glm.Link) + " link."));
        }

        var rows = new TidyRow[fit.Parameters.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            ParameterEstimate p = fit.Parameters[i];
            (double? low, double? high) = (p.Lower, p.Upper);
            if (options.ProfileIntervals)
            {
                (low, high) = ProfileEnds(fit, p);
            }

            rows[i] = new TidyRow(options.Label(p.Name), p.Estimate, p.StandardError, p.Z, p.PValue, low, high);
            if (options.Exponentiate && p.Name != glm!.Dispersion)
            {
                rows[i] = rows[i] with { Estimate = Math.Exp(p.Estimate), ConfidenceLow = Exp(low), ConfidenceHigh = Exp(high) };
            }
        }

        return new TidyTable(rows, fit.ConfidenceLevel, options.ProfileIntervals ? IntervalKind.Profile : IntervalKind.Wald, options.Exponentiate);

        static double? Exp(double? x) => x is double v ? Math.Exp(v) : null;
    }

    private static (double?, double?) ProfileEnds(FitResult fit, ParameterEstimate p)
    {
        if (p.IsFixed)
        {
            return (null, null);
        }

        try
        {
            (double lower, double upper) = fit.ProfileInterval(p.Name);
            return (lower, upper);
        }
        catch (NotSupportedException)
        {
            // Profiles of simplex members are not available: no interval rather than a Wald one under a profile heading.
            return (null, null);
        }
    }
}
