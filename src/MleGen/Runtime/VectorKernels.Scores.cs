using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>The score outer product's vector kernels: a block's scores as W rows of p, and their rank-W update.</summary>
public static partial class VectorKernels
{
    /// <summary>
    /// scores[k·p + offset + j] += scale[k]·x[i + k, j] for k &lt; 4, j &lt; count: the score rows of a vector parameter X[i, j]·s.
    /// Lanes are read by constant index here and in <see cref="ScatterLanes(Span{double}, int, int, Vector256{double})"/> (see <see cref="StoreLanes(Vector256{double}, Span{double})"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScoreRows(Span<double> scores, int p, int offset, double[,] x, int count, int i, Vector256<double> scale)
    {
        AddScaledRow(scores.Slice(offset, count), x, i, scale.GetElement(0));
        AddScaledRow(scores.Slice((1 * p) + offset, count), x, i + 1, scale.GetElement(1));
        AddScaledRow(scores.Slice((2 * p) + offset, count), x, i + 2, scale.GetElement(2));
        AddScaledRow(scores.Slice((3 * p) + offset, count), x, i + 3, scale.GetElement(3));
    }

    /// <summary>As the <c>Vector256</c> overload, for a block of 8 observations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScoreRows(Span<double> scores, int p, int offset, double[,] x, int count, int i, Vector512<double> scale)
    {
        AddScaledRow(scores.Slice(offset, count), x, i, scale.GetElement(0));
        AddScaledRow(scores.Slice((1 * p) + offset, count), x, i + 1, scale.GetElement(1));
        AddScaledRow(scores.Slice((2 * p) + offset, count), x, i + 2, scale.GetElement(2));
        AddScaledRow(scores.Slice((3 * p) + offset, count), x, i + 3, scale.GetElement(3));
        AddScaledRow(scores.Slice((4 * p) + offset, count), x, i + 4, scale.GetElement(4));
        AddScaledRow(scores.Slice((5 * p) + offset, count), x, i + 5, scale.GetElement(5));
        AddScaledRow(scores.Slice((6 * p) + offset, count), x, i + 6, scale.GetElement(6));
        AddScaledRow(scores.Slice((7 * p) + offset, count), x, i + 7, scale.GetElement(7));
    }

    /// <summary>scores[k·p + offset] += v[k] for each lane k: one score element of the block's 4 observations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ScatterLanes(Span<double> scores, int p, int offset, Vector256<double> v)
    {
        scores[offset] += v.GetElement(0);
        scores[(1 * p) + offset] += v.GetElement(1);
        scores[(2 * p) + offset] += v.GetElement(2);
        scores[(3 * p) + offset] += v.GetElement(3);
    }

    /// <summary>As the <c>Vector256</c> overload, for a block of 8 observations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ScatterLanes(Span<double> scores, int p, int offset, Vector512<double> v)
    {
        scores[offset] += v.GetElement(0);
        scores[(1 * p) + offset] += v.GetElement(1);
        scores[(2 * p) + offset] += v.GetElement(2);
        scores[(3 * p) + offset] += v.GetElement(3);
        scores[(4 * p) + offset] += v.GetElement(4);
        scores[(5 * p) + offset] += v.GetElement(5);
        scores[(6 * p) + offset] += v.GetElement(6);
        scores[(7 * p) + offset] += v.GetElement(7);
    }

    /// <summary>
    /// meat += Σₖ sₖsₖᵀ on and above the diagonal, sₖ row k of <paramref name="scores"/> (W = 4 or 8 rows of p): a
    /// block's rank-W update of the score outer product. Each entry adds the W products in observation order with
    /// fused multiply–adds (iff <see cref="VectorMath.UsesFusedMultiplyAdd"/>, in the vector tiles and the scalar columns
    /// alike, so an entry's bits do not depend on its column); a matrix row whose W elements sₖ[a] are all 0 is skipped.
    /// Four matrix rows at a time where none of them is skipped (<see cref="AddRank4Rows4"/>, a width-8 block as two
    /// passes of 4 observations), then 2 rows (<see cref="AddRank4Rows2"/>) where neither is skipped, else row by row;
    /// none of this changes an entry's operations.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="meat"/> is not p × p, or <paramref name="scores"/> not 4 or 8 rows of p.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddOuterUpper(Span<double> meat, ReadOnlySpan<double> scores, int p)
    {
        if (p <= 0 || meat.Length != p * p || scores.Length % p != 0 || (scores.Length / p) is not (4 or 8))
        {
            throw new ArgumentException("meat must be p × p and scores 4 or 8 rows of p.", nameof(scores));
        }

        // Bounds: entries (a, c) with a ≤ c < p lie in meat; score reads k·p + c with k < lanes, c < p in scores.
        int lanes = scores.Length / p;
        ref double m0 = ref MemoryMarshal.GetReference(meat);
        ref double s0 = ref MemoryMarshal.GetReference(scores);
        int a = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; a <= p - 4; a += 4)
            {
                // Rows a … a + 3 from their diagonal tile (a is 4-aligned).
                int tiles = (p - a) >> 2;
                ref double diagonal = ref Unsafe.Add(ref m0, (a * p) + a);
                ref double s = ref Unsafe.Add(ref s0, a);
                if (AllRowsNonZero(ref s, p, lanes))
                {
                    for (int k = 0; k < lanes; k += 4)
                    {
                        AddRank4Rows4(ref diagonal, p, ref Unsafe.Add(ref s, k * p), p, ref Unsafe.Add(ref s, k * p), p, tiles, diagonal: true);
                    }

                    for (int m = 0; m < 4; m++)
                    {
                        AddOrderedTail(ref Unsafe.Add(ref m0, (a + m) * p), ref s0, p, ref Unsafe.Add(ref s0, a + m), p, lanes, a + (4 * tiles), p);
                    }

                    continue;
                }

                for (int m = 0; m < 4; m++)
                {
                    if (AnyNonZero(ref Unsafe.Add(ref s, m), p, lanes))
                    {
                        for (int k = 0; k < lanes; k += 4)
                        {
                            AddRank4Row(ref Unsafe.Add(ref diagonal, m * p), ref Unsafe.Add(ref s, k * p), p, ref Unsafe.Add(ref s, (k * p) + m), p, tiles, m);
                        }

                        AddOrderedTail(ref Unsafe.Add(ref m0, (a + m) * p), ref s0, p, ref Unsafe.Add(ref s0, a + m), p, lanes, a + (4 * tiles), p);
                    }
                }
            }

            for (; a <= p - 2; a += 2)
            {
                // Rows a, a + 1 (a even: the same 4-aligned column at or below their diagonals), as a pair where neither
                // is skipped.
                int first = a & ~3, tiles = (p - first) >> 2;
                bool any0 = AnyNonZero(ref Unsafe.Add(ref s0, a), p, lanes), any1 = AnyNonZero(ref Unsafe.Add(ref s0, a + 1), p, lanes);
                if (any0 && any1)
                {
                    for (int k = 0; k < lanes; k += 4)
                    {
                        AddRank4Rows2(ref Unsafe.Add(ref m0, (a * p) + first), p, ref Unsafe.Add(ref s0, (k * p) + first), p, ref Unsafe.Add(ref s0, (k * p) + a), p, tiles, a - first, a + 1 - first);
                    }

                    AddOrderedTail(ref Unsafe.Add(ref m0, a * p), ref s0, p, ref Unsafe.Add(ref s0, a), p, lanes, Math.Max(a, first + (4 * tiles)), p);
                    AddOrderedTail(ref Unsafe.Add(ref m0, (a + 1) * p), ref s0, p, ref Unsafe.Add(ref s0, a + 1), p, lanes, Math.Max(a + 1, first + (4 * tiles)), p);
                    continue;
                }

                for (int m = 0; m < 2; m++)
                {
                    if (m == 0 ? any0 : any1)
                    {
                        for (int k = 0; k < lanes; k += 4)
                        {
                            AddRank4Row(ref Unsafe.Add(ref m0, ((a + m) * p) + first), ref Unsafe.Add(ref s0, (k * p) + first), p, ref Unsafe.Add(ref s0, (k * p) + a + m), p, tiles, a + m - first);
                        }

                        AddOrderedTail(ref Unsafe.Add(ref m0, (a + m) * p), ref s0, p, ref Unsafe.Add(ref s0, a + m), p, lanes, Math.Max(a + m, first + (4 * tiles)), p);
                    }
                }
            }

            for (; a < p; a++)
            {
                // The last row: from the 4-aligned column at or below the diagonal, the entries left of it kept.
                if (!AnyNonZero(ref Unsafe.Add(ref s0, a), p, lanes))
                {
                    continue;
                }

                int first = a & ~3, tiles = (p - first) >> 2;
                for (int k = 0; k < lanes; k += 4)
                {
                    AddRank4Row(ref Unsafe.Add(ref m0, (a * p) + first), ref Unsafe.Add(ref s0, (k * p) + first), p, ref Unsafe.Add(ref s0, (k * p) + a), p, tiles, a - first);
                }

                AddOrderedTail(ref Unsafe.Add(ref m0, a * p), ref s0, p, ref Unsafe.Add(ref s0, a), p, lanes, Math.Max(a, first + (4 * tiles)), p);
            }
        }

        for (; a < p; a++)
        {
            if (AnyNonZero(ref Unsafe.Add(ref s0, a), p, lanes))
            {
                AddOrderedTail(ref Unsafe.Add(ref m0, a * p), ref s0, p, ref Unsafe.Add(ref s0, a), p, lanes, a, p);
            }
        }
    }

    /// <summary>
    /// Whether each of the 4 matrix rows m = 0…3 has a nonzero element s[k·stride + m], k &lt; lanes (4 rows checked at once;
    /// the caller guarantees the bounds).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllRowsNonZero(ref double s, int stride, int lanes)
    {
        Vector256<double> zero = Vector256.Equals(Vector256.LoadUnsafe(ref s), Vector256<double>.Zero);
        for (int k = 1; k < lanes; k++)
        {
            zero &= Vector256.Equals(Vector256.LoadUnsafe(ref s, (nuint)(k * stride)), Vector256<double>.Zero);
        }

        return Vector256.ExtractMostSignificantBits(zero) == 0;
    }

    /// <summary>Whether any of s[k·stride], k &lt; lanes, is not 0 (the caller guarantees the bounds).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AnyNonZero(ref double s, int stride, int lanes)
    {
        bool any = false;
        for (int k = 0; k < lanes; k++)
        {
            any |= Unsafe.Add(ref s, k * stride) != 0d;
        }

        return any;
    }

    /// <summary>target[j] += scale·x[row, j] for j &lt; target.Length, fused as the vector lanes are (inlined: the score rows' one call per block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddScaledRow(Span<double> target, double[,] x, int row, double scale)
    {
        int columns = x.GetLength(1);
        if ((uint)target.Length > (uint)columns)
        {
            throw new ArgumentOutOfRangeException(nameof(target));
        }

        ReadOnlySpan<double> source = Elements(x).Slice(row * columns, target.Length);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double rt = ref MemoryMarshal.GetReference(target);
            ref double rs = ref MemoryMarshal.GetReference(source);
            Vector256<double> v = Vector256.Create(scale);
            for (; j <= target.Length - 4; j += 4)
            {
                MultiplyAdd(v, Vector256.LoadUnsafe(ref rs, (nuint)j), Vector256.LoadUnsafe(ref rt, (nuint)j)).StoreUnsafe(ref rt, (nuint)j);
            }
        }

        for (; j < target.Length; j++)
        {
            target[j] = MultiplyAdd(scale, source[j], target[j]);
        }
    }

    /// <summary>a·b + c, fused iff <see cref="VectorMath.UsesFusedMultiplyAdd"/> (as the vector lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MultiplyAdd(double a, double b, double c) => VectorMath.UsesFusedMultiplyAdd ? Math.FusedMultiplyAdd(a, b, c) : (a * b) + c;
}
