using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace MleGen.Plots;

/// <summary>Residual plots: residuals against fitted values, and the normal Q–Q plot of residuals (R's <c>plot.lm</c> panels 1 and 2).</summary>
public static class ResidualPlot
{
    /// <summary>
    /// Residuals against fitted values with a line at zero: a trend says the mean is mis-specified, a
    /// funnel that the variance grows with the mean.
    /// </summary>
    /// <param name="fitted">The fitted values (means) per observation.</param>
    /// <param name="residuals">The residuals per observation (raw, Pearson or deviance), as many as <paramref name="fitted"/>.</param>
    /// <param name="residualLabel">The y-axis label: which residuals they are.</param>
    /// <exception cref="ArgumentException">Empty or unequal lengths, or a value that is NaN or infinite (the message names the index).</exception>
    public static Plot VersusFitted(IReadOnlyList<double> fitted, IReadOnlyList<double> residuals, string residualLabel = "Residuals")
    {
        double[] x = Finite(fitted, nameof(fitted));
        double[] y = Finite(residuals, nameof(residuals));
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"{x.Length} fitted values but {y.Length} residuals.", nameof(residuals));
        }

        var plot = new Plot();
        BundledFonts.Apply(plot);
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Solid);
        var points = plot.Add.ScatterPoints(x, y, Colors.SteelBlue);
        points.MarkerSize = 6;
        plot.Title("Residuals vs fitted");
        plot.XLabel("Fitted values");
        plot.YLabel(residualLabel);
        return plot;
    }

    /// <summary>
    /// The normal Q–Q plot: the sorted residuals against standard normal quantiles at R's <c>ppoints</c>
    /// ((k − a)/(n + 1 − 2a), a = 3/8 for n ≤ 10, else 1/2), with the line through the quartiles
    /// (R's <c>qqline</c>). Points on the line: normal residuals; S-shapes: heavy or light tails.
    /// </summary>
    /// <param name="residuals">The residuals (standardized ones make the scale comparable across models).</param>
    /// <param name="residualLabel">The y-axis label.</param>
    /// <exception cref="ArgumentException">Fewer than two residuals, or one that is NaN or infinite (the message names the index).</exception>
    public static Plot NormalQQ(IReadOnlyList<double> residuals, string residualLabel = "Residuals")
    {
        double[] sorted = Finite(residuals, nameof(residuals));
        if (sorted.Length < 2)
        {
            throw new ArgumentException("A Q–Q plot needs at least two residuals.", nameof(residuals));
        }

        Array.Sort(sorted);
        double[] theoretical = QuantileMath.NormalPlottingPositions(sorted.Length);
        (double slope, double intercept) = QuantileMath.QuartileLine(sorted);

        var plot = new Plot();
        BundledFonts.Apply(plot);
        var line = plot.Add.Line(theoretical[0], intercept + (slope * theoretical[0]), theoretical[^1], intercept + (slope * theoretical[^1]));
        line.LineColor = Colors.FireBrick;
        line.LineWidth = 1.5f;
        var points = plot.Add.ScatterPoints(theoretical, sorted, Colors.SteelBlue);
        points.MarkerSize = 6;
        plot.Title("Normal Q–Q");
        plot.XLabel("Theoretical quantiles");
        plot.YLabel(residualLabel);
        return plot;
    }

    private static double[] Finite(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", name);
        }

        var copy = values.ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]))
            {
                throw new ArgumentException($"{name}[{i}] is {copy[i]}: every value must be finite.", name);
            }
        }

        return copy;
    }
}
