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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScoreRows(Span<double> scores, int p, int offset, double[,] x, int count, int i, Vector256<double> scale)
    {
        AddScaledRow(scores.Slice(offset, count), x, i, scale.GetElement(0));
        AddScaledRow(scores.Slice((1 * p) + offset, count), x, i + 1, scale.GetElement(1));
        AddScaledRow(scores.Slice((2 * p) + offset, count), x, i + 2, scale.GetElement(2));
        AddScaledRow(scores.Slice((3 * p) + offset, count), x, i + 3, scale.GetElement(3));
    }

    /// <summary>As the <c>Vector256</c> overload, for a block of 8 observations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    /// fused multiply–adds (iff <see cref="VectorMath.UsesFusedMultiplyAdd"/>, in the vector body and the scalar tail
    /// alike, so an entry's bits do not depend on its column); a matrix row whose W elements sₖ[a] are all 0 is skipped.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="meat"/> is not p × p, or <paramref name="scores"/> not 4 or 8 rows of p.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddOuterUpper(Span<double> meat, ReadOnlySpan<double> scores, int p)
    {
        if (p <= 0 || meat.Length != p * p || scores.Length % p != 0 || (scores.Length / p) is not (4 or 8))
        {
            throw new ArgumentException("meat must be p × p and scores 4 or 8 rows of p.", nameof(scores));
        }

        int lanes = scores.Length / p;
        Span<double> w = stackalloc double[8];
        ref double m0 = ref MemoryMarshal.GetReference(meat);
        for (int a = 0; a < p; a++)
        {
            bool any = false;
            for (int k = 0; k < lanes; k++)
            {
                w[k] = scores[(k * p) + a];
                any |= w[k] != 0d;
            }

            if (!any)
            {
                continue;
            }

            // Entries a … p − 1 of row a. The vector loop starts at the 4-aligned column at or below a and keeps the
            // entries left of a as they were (a lane mask), so a p that is a multiple of 4 needs no scalar tail; the
            // score rows are read from the same column (row k at k·p).
            int first = a & ~3;
            ref double row = ref Unsafe.Add(ref m0, (a * p) + first);
            ref double s = ref Unsafe.AsRef(in scores[first]);
            int count = p - first, c = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // Bounds: c + 3 < count, so row k's loads end at k·p + first + count − 1 < scores.Length.
                Vector256<double> keep = Vector256.LessThan(Vector256.Create(0d, 1d, 2d, 3d), Vector256.Create((double)(a - first)));
                Vector256<double> w0 = Vector256.Create(w[0]), w1 = Vector256.Create(w[1]), w2 = Vector256.Create(w[2]), w3 = Vector256.Create(w[3]);
                if (lanes == 4)
                {
                    for (; c <= count - 4; c += 4)
                    {
                        Vector256<double> old = Vector256.LoadUnsafe(ref row, (nuint)c);
                        Vector256<double> t = MultiplyAdd(w0, Vector256.LoadUnsafe(ref s, (nuint)c), old);
                        t = MultiplyAdd(w1, Vector256.LoadUnsafe(ref s, (nuint)(p + c)), t);
                        t = MultiplyAdd(w2, Vector256.LoadUnsafe(ref s, (nuint)((2 * p) + c)), t);
                        t = MultiplyAdd(w3, Vector256.LoadUnsafe(ref s, (nuint)((3 * p) + c)), t);
                        Vector256.ConditionalSelect(keep, old, t).StoreUnsafe(ref row, (nuint)c);
                        keep = Vector256<double>.Zero;
                    }
                }
                else
                {
                    Vector256<double> w4 = Vector256.Create(w[4]), w5 = Vector256.Create(w[5]), w6 = Vector256.Create(w[6]), w7 = Vector256.Create(w[7]);
                    for (; c <= count - 4; c += 4)
                    {
                        Vector256<double> old = Vector256.LoadUnsafe(ref row, (nuint)c);
                        Vector256<double> t = MultiplyAdd(w0, Vector256.LoadUnsafe(ref s, (nuint)c), old);
                        t = MultiplyAdd(w1, Vector256.LoadUnsafe(ref s, (nuint)(p + c)), t);
                        t = MultiplyAdd(w2, Vector256.LoadUnsafe(ref s, (nuint)((2 * p) + c)), t);
                        t = MultiplyAdd(w3, Vector256.LoadUnsafe(ref s, (nuint)((3 * p) + c)), t);
                        t = MultiplyAdd(w4, Vector256.LoadUnsafe(ref s, (nuint)((4 * p) + c)), t);
                        t = MultiplyAdd(w5, Vector256.LoadUnsafe(ref s, (nuint)((5 * p) + c)), t);
                        t = MultiplyAdd(w6, Vector256.LoadUnsafe(ref s, (nuint)((6 * p) + c)), t);
                        t = MultiplyAdd(w7, Vector256.LoadUnsafe(ref s, (nuint)((7 * p) + c)), t);
                        Vector256.ConditionalSelect(keep, old, t).StoreUnsafe(ref row, (nuint)c);
                        keep = Vector256<double>.Zero;
                    }
                }
            }

            c = Math.Max(c, a - first);
            for (; c < count; c++)
            {
                double t = Unsafe.Add(ref row, c);
                for (int k = 0; k < lanes; k++)
                {
                    t = MultiplyAdd(w[k], scores[(k * p) + first + c], t);
                }

                Unsafe.Add(ref row, c) = t;
            }
        }
    }

    /// <summary>target[j] += scale·x[row, j] for j &lt; target.Length, fused as the vector lanes are.</summary>
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
