using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>The block operations over vectors of doubles, one observation a lane.</summary>
public static partial class VectorKernels
{
    /// <summary>a[i..i+8) as doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load8(double[] a, int i) => Vector512.Create(new ReadOnlySpan<double>(a, i, 8));

    /// <summary>a[i..i+8) widened to doubles (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load8(int[] a, int i)
    {
        ReadOnlySpan<int> s = new(a, i, 8);
        return Vector512.Create((double)s[0], (double)s[1], (double)s[2], (double)s[3], (double)s[4], (double)s[5], (double)s[6], (double)s[7]);
    }

    /// <summary>a[i..i+8) as lane masks (all bits set where true).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load8(bool[] a, int i)
    {
        ReadOnlySpan<bool> s = new(a, i, 8);
        return Vector512.Equals(Vector512.Create(s[0] ? 1d : 0d, s[1] ? 1d : 0d, s[2] ? 1d : 0d, s[3] ? 1d : 0d, s[4] ? 1d : 0d, s[5] ? 1d : 0d, s[6] ? 1d : 0d, s[7] ? 1d : 0d), Vector512<double>.One);
    }

    /// <summary>x[i..i+W, j]: one column of a block of rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Column8(double[,] x, int i, int j)
    {
        int columns = x.GetLength(1);
        if ((uint)j >= (uint)columns)
        {
            throw new IndexOutOfRangeException();
        }

        ReadOnlySpan<double> s = Elements(x).Slice(i * columns, 8 * columns);
        return Vector512.Create(s[j], s[(1 * columns) + j], s[(2 * columns) + j], s[(3 * columns) + j], s[(4 * columns) + j], s[(5 * columns) + j], s[(6 * columns) + j], s[(7 * columns) + j]);
    }

    /// <summary>The observation indices i, i + 1, …, i + 7 as doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Indices8(int i) => Vector512.Create((double)i) + Vector512.Create(0d, 1d, 2d, 3d, 4d, 5d, 6d, 7d);

    /// <summary>Σⱼ x[i + k, j]·coefficients[j] for the 8 rows of the block (j &lt; coefficients.Length), each row by FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Dot8(double[,] x, int i, ReadOnlySpan<double> coefficients)
    {
        int columns = x.GetLength(1);
        ReadOnlySpan<double> s = Elements(x).Slice(i * columns, 8 * columns);
        return Vector512.Create(RowDot(s.Slice(0 * columns, columns), coefficients), RowDot(s.Slice(1 * columns, columns), coefficients), RowDot(s.Slice(2 * columns, columns), coefficients), RowDot(s.Slice(3 * columns, columns), coefficients), RowDot(s.Slice(4 * columns, columns), coefficients), RowDot(s.Slice(5 * columns, columns), coefficients), RowDot(s.Slice(6 * columns, columns), coefficients), RowDot(s.Slice(7 * columns, columns), coefficients));
    }

    /// <summary>
    /// target[j] += Σₖ scale[k]·x[i + k, j] for j &lt; target.Length: the gradient's row updates of a block, the rows added in order.
    /// The lanes of <paramref name="scale"/> are taken by constant index, in registers: a lane read by a variable index makes the
    /// JIT store the whole vector to the stack and load one double back, and where the frame puts that slot across a cache line
    /// the load waits for the store to retire (the width-8 kernels ran 2–3× slower in one process in two, by the stack's alignment).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledRows(Span<double> target, double[,] x, int i, Vector512<double> scale)
    {
        int columns = x.GetLength(1);
        int count = target.Length;
        ReadOnlySpan<double> block = Elements(x).Slice(i * columns, 8 * columns);
        if (count > columns)
        {
            throw new ArgumentOutOfRangeException(nameof(target));
        }

        double c0 = scale.GetElement(0);
        double c1 = scale.GetElement(1);
        double c2 = scale.GetElement(2);
        double c3 = scale.GetElement(3);
        double c4 = scale.GetElement(4);
        double c5 = scale.GetElement(5);
        double c6 = scale.GetElement(6);
        double c7 = scale.GetElement(7);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && count >= 4)
        {
            Vector256<double> s0 = Vector256.Create(c0);
            Vector256<double> s1 = Vector256.Create(c1);
            Vector256<double> s2 = Vector256.Create(c2);
            Vector256<double> s3 = Vector256.Create(c3);
            Vector256<double> s4 = Vector256.Create(c4);
            Vector256<double> s5 = Vector256.Create(c5);
            Vector256<double> s6 = Vector256.Create(c6);
            Vector256<double> s7 = Vector256.Create(c7);
            ref double rt = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(target);
            ref double rx = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(block);
            for (; j <= count - 4; j += 4)
            {
                Vector256<double> t = Vector256.LoadUnsafe(ref rt, (nuint)j);
                t = MultiplyAdd(s0, Vector256.LoadUnsafe(ref rx, (nuint)j), t);
                t = MultiplyAdd(s1, Vector256.LoadUnsafe(ref rx, (nuint)((1 * columns) + j)), t);
                t = MultiplyAdd(s2, Vector256.LoadUnsafe(ref rx, (nuint)((2 * columns) + j)), t);
                t = MultiplyAdd(s3, Vector256.LoadUnsafe(ref rx, (nuint)((3 * columns) + j)), t);
                t = MultiplyAdd(s4, Vector256.LoadUnsafe(ref rx, (nuint)((4 * columns) + j)), t);
                t = MultiplyAdd(s5, Vector256.LoadUnsafe(ref rx, (nuint)((5 * columns) + j)), t);
                t = MultiplyAdd(s6, Vector256.LoadUnsafe(ref rx, (nuint)((6 * columns) + j)), t);
                t = MultiplyAdd(s7, Vector256.LoadUnsafe(ref rx, (nuint)((7 * columns) + j)), t);
                t.StoreUnsafe(ref rt, (nuint)j);
            }
        }

        for (; j < count; j++)
        {
            double t = target[j];
            t += c0 * block[j];
            t += c1 * block[(1 * columns) + j];
            t += c2 * block[(2 * columns) + j];
            t += c3 * block[(3 * columns) + j];
            t += c4 * block[(4 * columns) + j];
            t += c5 * block[(5 * columns) + j];
            t += c6 * block[(6 * columns) + j];
            t += c7 * block[(7 * columns) + j];
            target[j] = t;
        }
    }

    /// <summary>The logistic function 1/(1 + e⁻ˣ) lane by lane, accurate in both tails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Logistic(Vector512<double> x)
    {
        Vector512<double> e = VectorMath.Exp(-Vector512.Abs(x));
        Vector512<double> r = Vector512<double>.One / (Vector512<double>.One + e);
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), r, e * r);
    }

    /// <summary>a·b + c, fused where the hardware has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Mad(Vector512<double> a, Vector512<double> b, Vector512<double> c) => MultiplyAdd(a, b, c);

    /// <summary>A scalar function lane by lane: the fallback of a function without a vector form.</summary>
    public static Vector512<double> Lanes(Vector512<double> x, Func<double, double> f) => Vector512.Create(f(x.GetElement(0)), f(x.GetElement(1)), f(x.GetElement(2)), f(x.GetElement(3)), f(x.GetElement(4)), f(x.GetElement(5)), f(x.GetElement(6)), f(x.GetElement(7)));

    /// <summary>A scalar function of three arguments lane by lane (the Beta family's incomplete beta).</summary>
    public static Vector512<double> Lanes(Vector512<double> x, Vector512<double> y, Vector512<double> z, Func<double, double, double, double> f) => Vector512.Create(f(x.GetElement(0), y.GetElement(0), z.GetElement(0)), f(x.GetElement(1), y.GetElement(1), z.GetElement(1)), f(x.GetElement(2), y.GetElement(2), z.GetElement(2)), f(x.GetElement(3), y.GetElement(3), z.GetElement(3)), f(x.GetElement(4), y.GetElement(4), z.GetElement(4)), f(x.GetElement(5), y.GetElement(5), z.GetElement(5)), f(x.GetElement(6), y.GetElement(6), z.GetElement(6)), f(x.GetElement(7), y.GetElement(7), z.GetElement(7)));

    /// <summary>A scalar function of two arguments lane by lane.</summary>
    public static Vector512<double> Lanes(Vector512<double> x, Vector512<double> y, Func<double, double, double> f) => Vector512.Create(f(x.GetElement(0), y.GetElement(0)), f(x.GetElement(1), y.GetElement(1)), f(x.GetElement(2), y.GetElement(2)), f(x.GetElement(3), y.GetElement(3)), f(x.GetElement(4), y.GetElement(4)), f(x.GetElement(5), y.GetElement(5)), f(x.GetElement(6), y.GetElement(6)), f(x.GetElement(7), y.GetElement(7)));
}
