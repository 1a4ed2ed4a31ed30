using System;
using System.Globalization;

namespace MleGen;

/// <summary>Checks and quantiles of confidence levels, shared by the fitting layer and the reports.</summary>
internal static class ConfidenceLevels
{
    /// <summary>qnorm(0.975) to the last digit R prints: the Wald 95 % multiplier of the reference cases.</summary>
    private const double Z975 = 1.959963984540054;

    /// <summary>Throws unless 0 &lt; <paramref name="level"/> &lt; 1.</summary>
    public static void Check(double level, string name)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(name, level, "A confidence level must lie strictly between 0 and 1 (0.95 for 95 %).");
        }
    }

    /// <summary>The two-sided normal quantile z with P(|Z| ≤ z) = <paramref name="level"/>.</summary>
    public static double NormalQuantile(double level) =>
        level == 0.95 ? Z975 : -MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 - level) / 2);

    /// <summary>The lower and upper column labels R uses for an interval at <paramref name="level"/>: "2.5 %" and "97.5 %" for 0.95.</summary>
    public static (string Lower, string Upper) Labels(double level)
    {
        double tail = (1 - level) / 2 * 100;
        return (Format(tail), Format(100 - tail));
    }

    /// <summary>"95 %" for 0.95.</summary>
    public static string Percent(double level) => Format(level * 100);

    // At most three decimals: R's labels are "2.5 %", "97.5 %", "5 %"; this also hides the rounding noise of (1 − level)/2.
    private static string Format(double percent) => percent.ToString("0.###", CultureInfo.InvariantCulture) + " %";
}
