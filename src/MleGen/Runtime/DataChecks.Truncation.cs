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
}
