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
        StoreLanes(scale, s);
        AddScaledOuter(matrix, p, row, column, a, rows, b, columns, i, s, upper);
    }

    /// <summary>
    /// target[k] = v[k], lane by lane by constant index (register moves and scalar stores). Not <c>v.CopyTo(target)</c>
    /// nor a lane read by a variable index: a whole-vector store to the stack read back one double at a time cannot be
    /// forwarded where the frame puts it across a cache line, and each read then waits for the store to retire (this made
    /// the width-8 kernels 2–3× slower in one process in two, depending on where the thread's stack began).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreLanes(Vector256<double> v, Span<double> target)
    {
        target[3] = v.GetElement(3);
        target[0] = v.GetElement(0);
        target[1] = v.GetElement(1);
        target[2] = v.GetElement(2);
    }

    /// <summary>As the <c>Vector256</c> overload, for 8 lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreLanes(Vector512<double> v, Span<double> target)
    {
        target[7] = v.GetElement(7);
        StoreLanes(v.GetLower(), target);
        Vector256<double> upper = v.GetUpper();
        target[4] = upper.GetElement(0);
        target[5] = upper.GetElement(1);
        target[6] = upper.GetElement(2);
    }

    /// <summary>((sum + v₀) + v₁) + … : the lanes added one observation after the other, in the scalar kernel's order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AddLanes(double sum, Vector256<double> v) => (((sum + v.GetElement(0)) + v.GetElement(1)) + v.GetElement(2)) + v.GetElement(3);

    /// <summary>((sum + v₀) + v₁) + … : the lanes added one observation after the other, in the scalar kernel's order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AddLanes(double sum, Vector512<double> v) => AddLanes(AddLanes(sum, v.GetLower()), v.GetUpper());

    /// <summary>As the <c>Vector256</c> overload, for a block of 8 observations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledOuter(Span<double> matrix, int p, int row, int column, double[,] a, int rows, double[,] b, int columns, int i, Vector512<double> scale, bool upper)
    {
        Span<double> s = stackalloc double[8];
        StoreLanes(scale, s);
        AddScaledOuter(matrix, p, row, column, a, rows, b, columns, i, s, upper);
    }

    /// <summary>
    /// matrix[(row + r)·p + column] += Σₖ x[i + k, r]·scale[k] for r &lt; rows: the block's update of a column of the
    /// information matrix (a vector parameter against a fixed one, Beta[r]·φ), the 4 observations added in order with
    /// FMA, 4 matrix rows at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledColumn(Span<double> matrix, int p, int row, int column, double[,] x, int rows, int i, Vector256<double> scale)
    {
        Span<double> s = stackalloc double[4];
        StoreLanes(scale, s);
        AddScaledColumn(matrix, p, row, column, x, rows, i, s);
    }

    /// <summary>As the <c>Vector256</c> overload, for a block of 8 observations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledColumn(Span<double> matrix, int p, int row, int column, double[,] x, int rows, int i, Vector512<double> scale)
    {
        Span<double> s = stackalloc double[8];
        StoreLanes(scale, s);
        AddScaledColumn(matrix, p, row, column, x, rows, i, s);
    }

    private static void AddScaledColumn(Span<double> matrix, int p, int row, int column, double[,] x, int rows, int i, ReadOnlySpan<double> scale)
    {
        int lanes = scale.Length, cx = x.GetLength(1);
        if ((uint)rows > (uint)cx)
        {
            throw new ArgumentOutOfRangeException(nameof(rows));
        }

        ReadOnlySpan<double> block = Elements(x).Slice(i * cx, lanes * cx);
        int r = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Bounds: the unsafe loads stay inside block (r + 3 < rows ≤ cx); the matrix is indexed with checks.
            ref double rx = ref MemoryMarshal.GetReference(block);
            for (; r <= rows - 4; r += 4)
            {
                int at = ((row + r) * p) + column;
                Vector256<double> t = Vector256.Create(matrix[at], matrix[at + p], matrix[at + (2 * p)], matrix[at + (3 * p)]);
                for (int k = 0; k < lanes; k++)
                {
                    t = MultiplyAdd(Vector256.Create(scale[k]), Vector256.LoadUnsafe(ref rx, (nuint)((k * cx) + r)), t);
                }

                matrix[at] = t.GetElement(0);
                matrix[at + p] = t.GetElement(1);
                matrix[at + (2 * p)] = t.GetElement(2);
                matrix[at + (3 * p)] = t.GetElement(3);
            }
        }

        for (; r < rows; r++)
        {
            int at = ((row + r) * p) + column;
            double t = matrix[at];
            for (int k = 0; k < lanes; k++)
            {
                t += scale[k] * block[(k * cx) + r];
            }

            matrix[at] = t;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddScaledOuter(Span<double> matrix, int p, int row, int column, double[,] a, int rows, double[,] b, int columns, int i, ReadOnlySpan<double> scale, bool upper)
    {
        int lanes = scale.Length;
        if (lanes is not (4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(scale));
        }

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
        Vector256<double> laneIndex = Vector256.Create(0d, 1d, 2d, 3d);
        for (int r = 0; r < rows; r++)
        {
            // Matrix row r from column `first` (r in the upper triangle, else 0); the vector loop starts at the 4-aligned
            // column at or below it and keeps the entries left of `first` as they were (a lane mask), so nothing
            // below the diagonal is written.
            int first = upper ? r : 0;
            if (first >= columns)
            {
                break;
            }

            int c = first & ~3;
            Span<double> target = matrix.Slice(((row + r) * p) + column + c, columns - c);
            for (int k = 0; k < lanes; k++)
            {
                w[k] = blockA[(k * ca) + r] * scale[k];
            }

            int count = target.Length;
            int j = 0;
            if (Vector256.IsHardwareAccelerated && count >= 4)
            {
                // Bounds: target is a checked slice; the unsafe loads stay inside blockB (c + j + 3 < columns ≤ cb).
                ref double rt = ref MemoryMarshal.GetReference(target);
                ref double rbc = ref Unsafe.Add(ref rb, c);
                Vector256<double> keep = Vector256.LessThan(laneIndex, Vector256.Create((double)(first - c)));
                if (lanes == 4)
                {
                    Vector256<double> w0 = Vector256.Create(w[0]), w1 = Vector256.Create(w[1]), w2 = Vector256.Create(w[2]), w3 = Vector256.Create(w[3]);
                    for (; j <= count - 4; j += 4)
                    {
                        Vector256<double> old = Vector256.LoadUnsafe(ref rt, (nuint)j);
                        Vector256<double> t = MultiplyAdd(w0, Vector256.LoadUnsafe(ref rbc, (nuint)j), old);
                        t = MultiplyAdd(w1, Vector256.LoadUnsafe(ref rbc, (nuint)(cb + j)), t);
                        t = MultiplyAdd(w2, Vector256.LoadUnsafe(ref rbc, (nuint)((2 * cb) + j)), t);
                        t = MultiplyAdd(w3, Vector256.LoadUnsafe(ref rbc, (nuint)((3 * cb) + j)), t);
                        Vector256.ConditionalSelect(keep, old, t).StoreUnsafe(ref rt, (nuint)j);
                        keep = Vector256<double>.Zero;
                    }
                }
                else
                {
                    Vector256<double> w0 = Vector256.Create(w[0]), w1 = Vector256.Create(w[1]), w2 = Vector256.Create(w[2]), w3 = Vector256.Create(w[3]);
                    Vector256<double> w4 = Vector256.Create(w[4]), w5 = Vector256.Create(w[5]), w6 = Vector256.Create(w[6]), w7 = Vector256.Create(w[7]);
                    for (; j <= count - 4; j += 4)
                    {
                        Vector256<double> old = Vector256.LoadUnsafe(ref rt, (nuint)j);
                        Vector256<double> t = MultiplyAdd(w0, Vector256.LoadUnsafe(ref rbc, (nuint)j), old);
                        t = MultiplyAdd(w1, Vector256.LoadUnsafe(ref rbc, (nuint)(cb + j)), t);
                        t = MultiplyAdd(w2, Vector256.LoadUnsafe(ref rbc, (nuint)((2 * cb) + j)), t);
                        t = MultiplyAdd(w3, Vector256.LoadUnsafe(ref rbc, (nuint)((3 * cb) + j)), t);
                        t = MultiplyAdd(w4, Vector256.LoadUnsafe(ref rbc, (nuint)((4 * cb) + j)), t);
                        t = MultiplyAdd(w5, Vector256.LoadUnsafe(ref rbc, (nuint)((5 * cb) + j)), t);
                        t = MultiplyAdd(w6, Vector256.LoadUnsafe(ref rbc, (nuint)((6 * cb) + j)), t);
                        t = MultiplyAdd(w7, Vector256.LoadUnsafe(ref rbc, (nuint)((7 * cb) + j)), t);
                        Vector256.ConditionalSelect(keep, old, t).StoreUnsafe(ref rt, (nuint)j);
                        keep = Vector256<double>.Zero;
                    }
                }
            }

            for (j = Math.Max(j, first - c); j < count; j++)
            {
                double t = target[j];
                for (int k = 0; k < lanes; k++)
                {
                    t += w[k] * blockB[(k * cb) + c + j];
                }

                target[j] = t;
            }
        }
    }
}
