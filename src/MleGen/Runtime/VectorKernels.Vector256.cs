using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>The block operations over vectors of doubles, one observation a lane.</summary>
public static partial class VectorKernels
{
    /// <summary>a[i..i+4) as doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load4(double[] a, int i) => Vector256.Create(new ReadOnlySpan<double>(a, i, 4));

    /// <summary>a[i..i+4) widened to doubles (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load4(int[] a, int i)
    {
        ReadOnlySpan<int> s = new(a, i, 4);
        return Vector256.Create((double)s[0], (double)s[1], (double)s[2], (double)s[3]);
    }

    /// <summary>a[i..i+4) as lane masks (all bits set where true).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load4(bool[] a, int i)
    {
        ReadOnlySpan<bool> s = new(a, i, 4);
        return Vector256.Equals(Vector256.Create(s[0] ? 1d : 0d, s[1] ? 1d : 0d, s[2] ? 1d : 0d, s[3] ? 1d : 0d), Vector256<double>.One);
    }

    /// <summary>x[i..i+W, j]: one column of a block of rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Column4(double[,] x, int i, int j)
    {
        int columns = x.GetLength(1);
        if ((uint)j >= (uint)columns)
        {
            throw new IndexOutOfRangeException();
        }

        ReadOnlySpan<double> s = Elements(x).Slice(i * columns, 4 * columns);
        return Vector256.Create(s[j], s[(1 * columns) + j], s[(2 * columns) + j], s[(3 * columns) + j]);
    }

    /// <summary>The observation indices i, i + 1, …, i + 3 as doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Indices4(int i) => Vector256.Create((double)i) + Vector256.Create(0d, 1d, 2d, 3d);

    /// <summary>Σⱼ x[i + k, j]·coefficients[j] for the 4 rows of the block (j &lt; coefficients.Length), each row by FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Dot4(double[,] x, int i, ReadOnlySpan<double> coefficients)
    {
        int columns = x.GetLength(1);
        ReadOnlySpan<double> s = Elements(x).Slice(i * columns, 4 * columns);
        return Vector256.Create(RowDot(s.Slice(0 * columns, columns), coefficients), RowDot(s.Slice(1 * columns, columns), coefficients), RowDot(s.Slice(2 * columns, columns), coefficients), RowDot(s.Slice(3 * columns, columns), coefficients));
    }

    /// <summary>
    /// target[j] += Σₖ scale[k]·x[i + k, j] for j &lt; target.Length: the gradient's row updates of a block, the rows added in order.
    /// The lanes of <paramref name="scale"/> are taken by constant index, in registers: a lane read by a variable index makes the
    /// JIT store the whole vector to the stack and load one double back, and where the frame puts that slot across a cache line
    /// the load waits for the store to retire (the width-8 kernels ran 2–3× slower in one process in two, by the stack's alignment).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledRows(Span<double> target, double[,] x, int i, Vector256<double> scale)
    {
        int columns = x.GetLength(1);
        int count = target.Length;
        ReadOnlySpan<double> block = Elements(x).Slice(i * columns, 4 * columns);
        if (count > columns)
        {
            throw new ArgumentOutOfRangeException(nameof(target));
        }

        double c0 = scale.GetElement(0);
        double c1 = scale.GetElement(1);
        double c2 = scale.GetElement(2);
        double c3 = scale.GetElement(3);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && count >= 4)
        {
            Vector256<double> s0 = Vector256.Create(c0);
            Vector256<double> s1 = Vector256.Create(c1);
            Vector256<double> s2 = Vector256.Create(c2);
            Vector256<double> s3 = Vector256.Create(c3);
            ref double rt = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(target);
            ref double rx = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(block);
            for (; j <= count - 4; j += 4)
            {
                Vector256<double> t = Vector256.LoadUnsafe(ref rt, (nuint)j);
                t = MultiplyAdd(s0, Vector256.LoadUnsafe(ref rx, (nuint)j), t);
                t = MultiplyAdd(s1, Vector256.LoadUnsafe(ref rx, (nuint)((1 * columns) + j)), t);
                t = MultiplyAdd(s2, Vector256.LoadUnsafe(ref rx, (nuint)((2 * columns) + j)), t);
                t = MultiplyAdd(s3, Vector256.LoadUnsafe(ref rx, (nuint)((3 * columns) + j)), t);
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
            target[j] = t;
        }
    }

    /// <summary>The logistic function 1/(1 + e⁻ˣ) lane by lane, accurate in both tails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Logistic(Vector256<double> x)
    {
        Vector256<double> e = VectorMath.Exp(-Vector256.Abs(x));
        Vector256<double> r = Vector256<double>.One / (Vector256<double>.One + e);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), r, e * r);
    }

    /// <summary>a·b + c, fused where the hardware has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Mad(Vector256<double> a, Vector256<double> b, Vector256<double> c) => MultiplyAdd(a, b, c);

    /// <summary>A scalar function lane by lane: the fallback of a function without a vector form.</summary>
    public static Vector256<double> Lanes(Vector256<double> x, Func<double, double> f) => Vector256.Create(f(x.GetElement(0)), f(x.GetElement(1)), f(x.GetElement(2)), f(x.GetElement(3)));

    /// <summary>A scalar function of three arguments lane by lane (the Beta family's incomplete beta).</summary>
    public static Vector256<double> Lanes(Vector256<double> x, Vector256<double> y, Vector256<double> z, Func<double, double, double, double> f) => Vector256.Create(f(x.GetElement(0), y.GetElement(0), z.GetElement(0)), f(x.GetElement(1), y.GetElement(1), z.GetElement(1)), f(x.GetElement(2), y.GetElement(2), z.GetElement(2)), f(x.GetElement(3), y.GetElement(3), z.GetElement(3)));

    /// <summary>A scalar function of two arguments lane by lane.</summary>
    public static Vector256<double> Lanes(Vector256<double> x, Vector256<double> y, Func<double, double, double> f) => Vector256.Create(f(x.GetElement(0), y.GetElement(0)), f(x.GetElement(1), y.GetElement(1)), f(x.GetElement(2), y.GetElement(2)), f(x.GetElement(3), y.GetElement(3)));
}
