using System;
using System.Collections.Generic;
using System.Globalization;

namespace MleGen;

/// <summary>What <see cref="FitResult.Summary"/> and <see cref="FitResult.Tidy"/> show and how they name the parameters.</summary>
public sealed class ReportOptions
{
    internal static readonly ReportOptions Default = new();

    /// <summary>
    /// Display names by parameter name, e.g. <c>Beta[1]</c> → <c>woolB</c> (see <see cref="LabelVector"/>);
    /// parameters not in it keep their names. Only the reports use them: look parameters up by their
    /// own names (<c>fit["Beta[1]"]</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Report profile-likelihood intervals (R's <c>confint()</c> of a <c>glm</c>) instead of Wald ones; each costs a few re-fits per parameter.</summary>
    public bool ProfileIntervals { get; init; }

    /// <summary>
    /// Exponentiate the estimates and interval ends of the linear predictor's coefficients in <see cref="FitResult.Tidy"/>
    /// (as <c>broom::tidy(fit, exponentiate = TRUE)</c>: rate ratios under a log link, odds ratios under a logit link);
    /// standard errors, z and p-values stay on the link scale. Needs a GLM-shaped model with a log or logit link
    /// (<see cref="GlmTerm.Exponentiable"/>). The summary prints the exponentiated table by itself for such models.
    /// </summary>
    public bool Exponentiate { get; init; }

    /// <summary>Print the correlation matrix of the estimates after the table (as R's <c>summary(fit, correlation = TRUE)</c>).</summary>
    public bool Correlation { get; init; }

    /// <summary>
    /// Labels for the elements of vector parameter <paramref name="member"/>: <c>member[j]</c> →
    /// <paramref name="names"/>[j], e.g. <c>LabelVector("Beta", design.ColumnNames)</c>. The dictionary is
    /// new and mutable: add the labels of other members to it.
    /// </summary>
    public static Dictionary<string, string> LabelVector(string member, IReadOnlyList<string> names)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(member);
        ArgumentNullException.ThrowIfNull(names);
        var labels = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
        for (int j = 0; j < names.Count; j++)
        {
            labels[member + "[" + j.ToString(CultureInfo.InvariantCulture) + "]"] = names[j] ?? throw new ArgumentException($"names[{j}] is null.", nameof(names));
        }

        return labels;
    }

    /// <summary>These options with <see cref="Exponentiate"/> set to <paramref name="exponentiate"/>.</summary>
    internal ReportOptions WithExponentiate(bool exponentiate) => exponentiate == Exponentiate ? this : new ReportOptions
    {
        Labels = Labels,
        ProfileIntervals = ProfileIntervals,
        Correlation = Correlation,
        Exponentiate = exponentiate,
    };

    /// <summary>The display name of parameter <paramref name="name"/>.</summary>
    internal string Label(string name) => Labels is not null && Labels.TryGetValue(name, out string? label) ? label : name;

    /// <summary>Throws when a label names no parameter of <paramref name="fit"/> (a typo would otherwise go unnoticed).</summary>
    internal void Check(FitResult fit)
    {
        if (Labels is null)
        {
            return;
        }

        foreach (string name in Labels.Keys)
        {
            _ = fit.IndexOf(name);
        }
    }
}
