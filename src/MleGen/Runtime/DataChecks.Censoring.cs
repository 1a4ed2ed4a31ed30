namespace MleGen;

/// <summary>The checks of censoring flags.</summary>
public static partial class DataChecks
{
    /// <summary>Throws at the first observation flagged both right- and left-censored (its value would be both a lower and an upper bound).</summary>
    /// <remarks>Called after the length checks: both arrays have one flag per observation.</remarks>
    public static void RequireNotBothCensored(bool[] right, bool[] left, string rightMember, string leftMember)
    {
        for (int i = 0; i < right.Length && i < left.Length; i++)
        {
            if (right[i] && left[i])
            {
                throw new ModelDataException(rightMember, i, "is true and so is " + leftMember + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + "]: an observation is either right- or left-censored, not both.");
            }
        }
    }
}
