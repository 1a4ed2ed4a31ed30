using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>The rank-W updates of the information matrices' vector kernels.</summary>
public static partial class VectorKernels
{
    /// <summary>
    /// matrix[(row + r)·p + column + c] += Σₖ (a[i + k, r]·scale[k])·b[i + k, c] for r &lt; rows, c &lt; columns (c ≥ r when
    /// <paramref name="upper"/>): the block's rank-4 update of a p×p information matrix, the 4 observations added in order
    /// with fused multiply–adds, 4 matrix rows per pass (see the span overload).
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>
    /// The rank-W update behind the <c>Vector256</c>/<c>Vector512</c> overloads. Per strip of up to 64 matrix rows, the
    /// weights wₖ[r] = a[i + k, r]·scale[k] (one rounded product each) go to a stack array; then 4 matrix rows at a time
    /// (<see cref="AddRank4Rows4"/>: each load of 4 columns of b serves the 4 rows, the 16 weights held in registers),
    /// a width-8 block as two passes of 4 observations, then 2 rows (<see cref="AddRank4Rows2"/>) and the last row alone
    /// (<see cref="AddRank4Row"/>), the columns past the last 4 by the scalar loop. With 16 vector registers (AVX2 without
    /// AVX-512) the 4-row tile spills a few weights and is still the faster grouping (logistic 1e6×20 with AVX-512 disabled:
    /// information 1.2× the hand kernel either way, the score outer product 1.06–1.08× with 4-row tiles, 1.45× with 2). Every entry adds its W products wₖ[r]·b[i + k, c] in observation order,
    /// each a fused multiply–add iff <see cref="VectorMath.UsesFusedMultiplyAdd"/> (vector tiles and scalar columns alike,
    /// so an entry's bits depend neither on its column nor on how the rows are grouped); with <paramref name="upper"/>
    /// nothing left of the diagonal is written.
    /// </summary>
    [SkipLocalsInit]
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

        // The matrix rows with entries to update: all of them, or on the diagonal block those whose diagonal is a column.
        int last = upper ? Math.Min(rows, columns) : rows;
        if (last == 0 || columns == 0)
        {
            return;
        }

        // Bounds: every entry written, (row + r)·p + column + c with r < last and c < columns, lies inside the matrix;
        // the weights inside ws (k < 8, r < Strip) and the reads of b inside blockB (k < lanes, c < columns ≤ cb).
        if (row < 0 || column < 0 || p < 0 || (((long)(row + last - 1)) * p) + column + columns > matrix.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(matrix));
        }

        const int Strip = 64;
        Span<double> ws = stackalloc double[8 * Strip];
        ref double rw = ref MemoryMarshal.GetReference(ws);
        ref double rb = ref MemoryMarshal.GetReference(blockB);
        ref double rm = ref MemoryMarshal.GetReference(matrix);
        for (int s = 0; s < last; s += Strip)
        {
            int h = Math.Min(Strip, last - s);
            for (int k = 0; k < lanes; k++)
            {
                ScaleRow(ws.Slice(k * Strip, h), blockA.Slice((k * ca) + s, h), scale[k]);
            }

            int r = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; r <= h - 4; r += 4)
                {
                    // Rows s + r … s + r + 3 from column `first` (their diagonal tile when upper: s + r is 4-aligned).
                    int first = upper ? s + r : 0, tiles = (columns - first) >> 2;
                    ref double target = ref Unsafe.Add(ref rm, ((row + s + r) * p) + column);
                    for (int k = 0; k < lanes; k += 4)
                    {
                        AddRank4Rows4(ref Unsafe.Add(ref target, first), p, ref Unsafe.Add(ref rb, (k * cb) + first), cb, ref Unsafe.Add(ref rw, (k * Strip) + r), Strip, tiles, upper);
                    }

                    for (int m = 0; m < 4; m++)
                    {
                        AddOrderedTail(ref Unsafe.Add(ref target, m * p), ref rb, cb, ref Unsafe.Add(ref rw, r + m), Strip, lanes, first + (4 * tiles), columns);
                    }
                }

                for (; r <= h - 2; r += 2)
                {
                    // Rows s + r, s + r + 1 (s + r even: the same 4-aligned column at or below their first entries).
                    int first = upper ? s + r : 0, c = first & ~3, tiles = (columns - c) >> 2;
                    ref double target = ref Unsafe.Add(ref rm, ((row + s + r) * p) + column);
                    for (int k = 0; k < lanes; k += 4)
                    {
                        AddRank4Rows2(ref Unsafe.Add(ref target, c), p, ref Unsafe.Add(ref rb, (k * cb) + c), cb, ref Unsafe.Add(ref rw, (k * Strip) + r), Strip, tiles, first - c, upper ? first + 1 - c : 0);
                    }

                    AddOrderedTail(ref target, ref rb, cb, ref Unsafe.Add(ref rw, r), Strip, lanes, Math.Max(first, c + (4 * tiles)), columns);
                    AddOrderedTail(ref Unsafe.Add(ref target, p), ref rb, cb, ref Unsafe.Add(ref rw, r + 1), Strip, lanes, Math.Max(upper ? first + 1 : 0, c + (4 * tiles)), columns);
                }

                for (; r < h; r++)
                {
                    // One row from the 4-aligned column at or below its first entry, the entries left of it kept.
                    int first = upper ? s + r : 0, c = first & ~3, tiles = (columns - c) >> 2;
                    ref double target = ref Unsafe.Add(ref rm, ((row + s + r) * p) + column);
                    for (int k = 0; k < lanes; k += 4)
                    {
                        AddRank4Row(ref Unsafe.Add(ref target, c), ref Unsafe.Add(ref rb, (k * cb) + c), cb, ref Unsafe.Add(ref rw, (k * Strip) + r), Strip, tiles, first - c);
                    }

                    AddOrderedTail(ref target, ref rb, cb, ref Unsafe.Add(ref rw, r), Strip, lanes, Math.Max(first, c + (4 * tiles)), columns);
                }
            }

            for (; r < h; r++)
            {
                AddOrderedTail(ref Unsafe.Add(ref rm, ((row + s + r) * p) + column), ref rb, cb, ref Unsafe.Add(ref rw, r), Strip, lanes, upper ? s + r : 0, columns);
            }
        }
    }

    /// <summary>target[j] = source[j]·factor (one rounded product each, in vectors of 4 where accelerated).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScaleRow(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        if (source.Length != target.Length)
        {
            throw new ArgumentException("target and source must have the same length.", nameof(target));
        }

        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double rt = ref MemoryMarshal.GetReference(target);
            ref double rs = ref MemoryMarshal.GetReference(source);
            Vector256<double> f = Vector256.Create(factor);
            for (; j <= target.Length - 4; j += 4)
            {
                (Vector256.LoadUnsafe(ref rs, (nuint)j) * f).StoreUnsafe(ref rt, (nuint)j);
            }
        }

        for (; j < target.Length; j++)
        {
            target[j] = source[j] * factor;
        }
    }

    /// <summary>
    /// The scalar columns of a rank-W update: row[c] += Σₖ w[k·ldw]·b[k·ldb + c] for from ≤ c &lt; to, the W products added
    /// in observation order with <see cref="MultiplyAdd(double, double, double)"/>, as the vector lanes. The caller
    /// guarantees the bounds (c &lt; to ≤ the row's and b's row length, k &lt; lanes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddOrderedTail(ref double row, ref double b, nint ldb, ref double w, nint ldw, int lanes, int from, int to)
    {
        for (int c = from; c < to; c++)
        {
            double t = Unsafe.Add(ref row, c);
            for (int k = 0; k < lanes; k++)
            {
                t = MultiplyAdd(Unsafe.Add(ref w, k * ldw), Unsafe.Add(ref b, (k * ldb) + c), t);
            }

            Unsafe.Add(ref row, c) = t;
        }
    }
}
