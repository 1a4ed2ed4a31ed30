using System;
using System.Globalization;
using System.Linq;
using ScottPlot;

namespace MleGen.Plots;

/// <summary>Profile-likelihood curves: the likelihood-ratio statistic against the parameter's value, with the χ² threshold and the interval it cuts.</summary>
public static class ProfilePlot
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The profile of <paramref name="name"/> in <paramref name="fit"/> (at the fit's confidence level,
    /// about <paramref name="points"/> re-fits; see <see cref="FitResult.Profile(string, int)"/>).
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <param name="name">The parameter, e.g. <c>"Beta[1]"</c>.</param>
    /// <param name="label">The axis label, e.g. <c>"woolB"</c>; the parameter's name when null.</param>
    /// <param name="points">How many values to profile.</param>
    public static Plot Create(FitResult fit, string name, string? label = null, int points = 41)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Create(fit.Profile(name, points), label);
    }

    /// <summary>
    /// Draws <paramref name="profile"/>: the curve 2(ℓ̂ − ℓₚ(t)) through its points, a line at the
    /// χ²₁ threshold, the interval shaded between its ends, and the estimate. A parabola means the Wald
    /// interval is as good as the profile one; skew is where they part.
    /// </summary>
    /// <param name="profile">The profile, from <see cref="FitResult.Profile(string, int)"/>.</param>
    /// <param name="label">The axis label; the parameter's name when null.</param>
    public static Plot Create(ParameterProfile profile, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        label ??= profile.Name;
        var plot = new Plot();
        BundledFonts.Apply(plot);
        string level = (profile.ConfidenceLevel * 100).ToString("0.###", Invariant) + " %";

        if (double.IsFinite(profile.Lower) && double.IsFinite(profile.Upper))
        {
            var span = plot.Add.HorizontalSpan(profile.Lower, profile.Upper, Colors.SteelBlue.WithAlpha(0.15));
            span.LegendText = $"{level} profile interval [{Number(profile.Lower)}, {Number(profile.Upper)}]";
        }

        foreach (double end in new[] { profile.Lower, profile.Upper }.Where(double.IsFinite))
        {
            plot.Add.VerticalLine(end, 1, Colors.SteelBlue, LinePattern.Solid);
        }

        double[] xs = profile.Points.Select(p => p.Value).ToArray();
        double[] ys = profile.Points.Select(p => p.Statistic).ToArray();
        var curve = plot.Add.Scatter(xs, ys, Colors.Black);
        curve.LineWidth = 2;
        curve.MarkerSize = 4;
        curve.LegendText = "profile likelihood-ratio statistic";

        var threshold = plot.Add.HorizontalLine(profile.Threshold, 2, Colors.FireBrick, LinePattern.Solid);
        threshold.LegendText = $"χ²₁({Number(profile.ConfidenceLevel)}) = {Number(profile.Threshold)}";

        var estimate = plot.Add.VerticalLine(profile.Estimate, 1, Colors.Gray, LinePattern.Solid);
        estimate.LegendText = $"estimate {Number(profile.Estimate)}";

        plot.Title("Profile likelihood: " + label);
        plot.XLabel(label);
        plot.YLabel("Likelihood-ratio statistic");
        plot.Axes.SetLimitsY(0, Math.Max(ys.Max(), profile.Threshold) * 1.08);
        plot.ShowLegend(Alignment.UpperCenter);
        return plot;
    }

    private static string Number(double x) => x.ToString("G4", Invariant);
}
