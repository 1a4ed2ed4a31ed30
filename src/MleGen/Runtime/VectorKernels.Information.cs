using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>The rank-W updates of the information matrices' vector kernels.</summary>
public static partial class VectorKernels
{
    /// <summary>
    /// matrix[(row + r)·p + column + c] += Σₖ a[i + k, r]·scale[k]·b[i + k, c] for r &lt; rows, c &lt; columns (c ≥ r when
    /// <paramref name="upper"/>): the block's rank-4 update of a p×p information matrix, one FMA row update per
    /// matrix row (the 4 observations added in order, one load and store of the matrix per 4 columns).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledOuter(Span<double> matrix, int p, int row, int column, double[,] a, int rows, double[,] b, int columns, int i, Vector256<double> scale, bool upper)
    {
        Span<double> s = stackalloc double[4];
        scale.CopyTo(s);
        AddScaledOuter(matrix, p, row, column, a, rows, b, columns, i, s, upper);
    }

    /// <summary>As the <c>Vector256</c> overload, for a block of 8 observations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledOuter(Span<double> matrix, int p, int row, int column, double[,] a, int rows, double[,] b, int columns, int i, Vector512<double> scale, bool upper)
    {
        Span<double> s = stackalloc double[8];
        scale.CopyTo(s);
        AddScaledOuter(matrix, p, row, column, a, rows, b, columns, i, s, upper);
    }

    private static void AddScaledOuter(Span<double> matrix, int p, int row, int column, double[,] a, int rows, double[,] b, int columns, int i, ReadOnlySpan<double> scale, bool upper)
    {
        int lanes = scale.Length;
        int ca = a.GetLength(1), cb = b.GetLength(1);
        if ((uint)rows > (uint)ca)
        {
            throw new ArgumentOutOfRangeException(nameof(rows));
        }

        if ((uint)columns > (uint)cb)
        {
            throw new ArgumentOutOfRangeException(nameof(columns));
        }

        ReadOnlySpan<double> blockA = Elements(a).Slice(i * ca, lanes * ca);
        ReadOnlySpan<double> blockB = Elements(b).Slice(i * cb, lanes * cb);
        Span<double> w = stackalloc double[8];
        ref double rb = ref MemoryMarshal.GetReference(blockB);
        for (int r = 0; r < rows; r++)
        {
            int c0 = upper ? r : 0;
            if (c0 >= columns)
            {
                break;
            }

            // Bounds: the slice is checked; the unsafe loads below stay inside blockB (c0 + j + 3 < columns ≤ cb).
            Span<double> target = matrix.Slice(((row + r) * p) + column + c0, columns - c0);
            for (int k = 0; k < lanes; k++)
            {
                w[k] = blockA[(k * ca) + r] * scale[k];
            }

            int count = target.Length;
            int j = 0;
            if (Vector256.IsHardwareAccelerated && count >= 4)
            {
                ref double rt = ref MemoryMarshal.GetReference(target);
                for (; j <= count - 4; j += 4)
                {
                    Vector256<double> t = Vector256.LoadUnsafe(ref rt, (nuint)j);
                    for (int k = 0; k < lanes; k++)
                    {
                        t = MultiplyAdd(Vector256.Create(w[k]), Vector256.LoadUnsafe(ref rb, (nuint)((k * cb) + c0 + j)), t);
                    }

                    t.StoreUnsafe(ref rt, (nuint)j);
                }
            }

            for (; j < count; j++)
            {
                double t = target[j];
                for (int k = 0; k < lanes; k++)
                {
                    t += w[k] * blockB[(k * cb) + c0 + j];
                }

                target[j] = t;
            }
        }
    }
}
