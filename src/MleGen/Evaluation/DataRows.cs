using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MleGen;

/// <summary>Row views of data matrices for the generated evaluation loops.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DataRows
{
    /// <summary>
    /// Row <paramref name="row"/> of <paramref name="matrix"/> as a span: one bounds check per element
    /// against a length held in a register, where <c>matrix[row, j]</c> checks both indices against the
    /// array's bounds. Safe: the slice is checked against the whole array.
    /// </summary>
    /// <param name="matrix">A row-major data matrix.</param>
    /// <param name="row">The row, in [0, rows).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<double> Row(double[,] matrix, int row)
    {
        int columns = matrix.GetLength(1);
        var all = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);
        return all.Slice(row * columns, columns);
    }
}
