using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>
/// The per-chunk tables over counts: a costly function of a count and θ (the negative binomial's log Γ(y + φ) − log Γ(φ),
/// ψ(y + φ) − ψ(φ)) is computed once per distinct count of a chunk when its counts span few values, and the rows read it.
/// </summary>
public static partial class VectorKernels
{
    /// <summary>
    /// The number of values max − min + 1 the counts <paramref name="column"/>[<paramref name="start"/>..<paramref name="end"/>)
    /// span, with their minimum, when a table over them pays: at most <paramref name="maxEntries"/> and at most a quarter
    /// of the rows (each entry costs about what a row's own value costs). Otherwise (or for no rows) 0.
    /// </summary>
    /// <param name="column">The counts.</param>
    /// <param name="start">The chunk's first row.</param>
    /// <param name="end">One past the chunk's last row.</param>
    /// <param name="maxEntries">The table's largest size (a generated stack table).</param>
    /// <param name="min">The smallest count of the chunk (0 when none is tabled).</param>
    /// <returns>The table's size, 0 to ≤ <paramref name="maxEntries"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int CountRange(int[] column, int start, int end, int maxEntries, out int min)
    {
        ReadOnlySpan<int> counts = column.AsSpan(start, end - start);
        min = 0;
        if (counts.IsEmpty)
        {
            return 0;
        }

        int lo = counts[0], hi = counts[0], k = 0;
        if (Vector256.IsHardwareAccelerated && counts.Length >= 8)
        {
            Vector256<int> vlo = Vector256.Create(counts), vhi = vlo;
            for (k = 8; k <= counts.Length - 8; k += 8)
            {
                Vector256<int> v = Vector256.Create(counts.Slice(k, 8));
                vlo = Vector256.Min(vlo, v);
                vhi = Vector256.Max(vhi, v);
            }

            for (int lane = 0; lane < 8; lane++)
            {
                lo = Math.Min(lo, vlo.GetElement(lane));
                hi = Math.Max(hi, vhi.GetElement(lane));
            }
        }

        for (; k < counts.Length; k++)
        {
            lo = Math.Min(lo, counts[k]);
            hi = Math.Max(hi, counts[k]);
        }

        long entries = (long)hi - lo + 1;
        if (entries > maxEntries || 4 * entries > counts.Length)
        {
            return 0;
        }

        min = lo;
        return (int)entries;
    }

    /// <summary>table[column[i + k] − min] for the 4 rows of a block (the counts of a chunk tabled by <see cref="CountRange"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Gather4(ReadOnlySpan<double> table, int[] column, int i, int min)
    {
        ReadOnlySpan<int> s = new(column, i, 4);
        return Vector256.Create(table[s[0] - min], table[s[1] - min], table[s[2] - min], table[s[3] - min]);
    }

    /// <summary>table[column[i + k] − min] for the 8 rows of a block (the counts of a chunk tabled by <see cref="CountRange"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Gather8(ReadOnlySpan<double> table, int[] column, int i, int min)
    {
        ReadOnlySpan<int> s = new(column, i, 8);
        return Vector512.Create(table[s[0] - min], table[s[1] - min], table[s[2] - min], table[s[3] - min], table[s[4] - min], table[s[5] - min], table[s[6] - min], table[s[7] - min]);
    }
}
