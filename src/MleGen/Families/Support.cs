using System.Runtime.CompilerServices;

namespace MleGen;

/// <summary>Support tests shared by the families.</summary>
internal static class Support
{
    /// <summary>True for a non-negative integer that fits an <see cref="int"/> (the counts MathNet accepts).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCount(double y) => y >= 0 && y <= int.MaxValue && y == System.Math.Floor(y);

    /// <summary>True for an integer in [0, <paramref name="upper"/>].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIntegerUpTo(double y, int upper) => y >= 0 && y <= upper && y == System.Math.Floor(y);
}
