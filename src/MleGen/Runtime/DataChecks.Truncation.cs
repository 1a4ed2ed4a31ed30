using System.Globalization;

namespace MleGen;

/// <summary>The checks of truncation bounds.</summary>
public static partial class DataChecks
{
    /// <summary>
    /// Throws when observation <paramref name="index"/> lies outside its truncation's allowed region: below a lower
    /// bound (for a discrete family at or below it, y &gt; L; and L must be a whole number), or above an upper bound.
    /// </summary>
    public static void RequireInsideTruncation(double y, string observed, int index, double bound, string boundMember, int boundIndex, bool below, bool discrete)
    {
        string at = boundIndex < 0 ? boundMember : boundMember + "[" + boundIndex.ToString(CultureInfo.InvariantCulture) + "]";
        if (discrete && below && bound != System.Math.Floor(bound))
        {
            throw new ModelDataException(boundMember, boundIndex, "is " + Format(bound) + "; a count's truncation bound must be a whole number (the observations are the counts above it).");
        }

        bool inside = below ? (discrete ? y > bound : y >= bound) : y <= bound;
        if (!inside)
        {
            throw new ModelDataException(observed, index, "is " + Format(y) + ", " + (below ? (discrete ? "at or below" : "below") : "above")
                + " its truncation bound " + at + " = " + Format(bound) + ": a truncated sample only holds values "
                + (below ? (discrete ? "above" : "at or above") : "at or below") + " it.");
        }
    }

    /// <summary>
    /// Throws at the first NaN among a truncation bound's values, or at an infinity on the wrong side (+∞ as a lower
    /// bound, −∞ as an upper one: no observation could lie beyond it). The other infinity is allowed: a bound at or
    /// beyond the edge of the family's support (−∞ or a positive family's 0 below, +∞ above) is no truncation for that row.
    /// </summary>
    public static void RequireTruncationBound(double[] values, string member, bool below)
    {
        for (int i = 0; i < values.Length; i++)
        {
            RequireTruncationBound(values[i], member, i, below);
        }
    }

    /// <summary>Throws when a scalar truncation bound is NaN or an infinity on the wrong side (see the array overload).</summary>
    public static void RequireTruncationBound(double value, string member, bool below) => RequireTruncationBound(value, member, -1, below);

    private static void RequireTruncationBound(double value, string member, int index, bool below)
    {
        if (double.IsNaN(value) || value == (below ? double.PositiveInfinity : double.NegativeInfinity))
        {
            throw new ModelDataException(member, index, "is " + Format(value) + "; a " + (below ? "lower" : "upper") + " truncation bound must be a number, or "
                + (below ? "−∞" : "+∞") + " for no bound on that side.");
        }
    }
}
