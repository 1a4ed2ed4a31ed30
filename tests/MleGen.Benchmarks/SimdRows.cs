using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MleGen.Benchmarks;

/// <summary>The row operations of the hand-written vector kernels: FMA dot products and FMA row updates, 4 doubles a step.</summary>
internal static class SimdRows
{
    /// <summary>The rows of a row-major matrix as one span.</summary>
    public static ReadOnlySpan<double> Of(double[,] x) => MemoryMarshal.CreateReadOnlySpan(ref x[0, 0], x.Length);

    /// <summary>Σⱼ a[j]·b[j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int j = 0;
        double sum = 0;
        if (Fma.IsSupported && a.Length >= 4)
        {
            ref double ra = ref MemoryMarshal.GetReference(a);
            ref double rb = ref MemoryMarshal.GetReference(b);
            Vector256<double> acc = Vector256<double>.Zero;
            for (; j <= a.Length - 4; j += 4)
            {
                acc = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref ra, (nuint)j), Vector256.LoadUnsafe(ref rb, (nuint)j), acc);
            }

            sum = Vector256.Sum(acc);
        }

        for (; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }

    /// <summary>The four linear predictors of rows i..i+3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Dot4(ReadOnlySpan<double> rows, int i, int p, ReadOnlySpan<double> beta) =>
        Vector256.Create(
            Dot(rows.Slice(i * p, p), beta),
            Dot(rows.Slice((i + 1) * p, p), beta),
            Dot(rows.Slice((i + 2) * p, p), beta),
            Dot(rows.Slice((i + 3) * p, p), beta));

    /// <summary>target += scale·source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> source)
    {
        int j = 0;
        if (Fma.IsSupported && target.Length >= 4)
        {
            ref double rt = ref MemoryMarshal.GetReference(target);
            ref double rs = ref MemoryMarshal.GetReference(source);
            Vector256<double> s = Vector256.Create(scale);
            for (; j <= target.Length - 4; j += 4)
            {
                Fma.MultiplyAdd(s, Vector256.LoadUnsafe(ref rs, (nuint)j), Vector256.LoadUnsafe(ref rt, (nuint)j)).StoreUnsafe(ref rt, (nuint)j);
            }
        }

        for (; j < target.Length; j++)
        {
            target[j] += scale * source[j];
        }
    }

    /// <summary>target += Σₖ scale[k]·row(i + k) over the four rows of a block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled4(Span<double> target, Vector256<double> scale, ReadOnlySpan<double> rows, int i, int p)
    {
        AddScaled(target, scale.GetElement(0), rows.Slice(i * p, p));
        AddScaled(target, scale.GetElement(1), rows.Slice((i + 1) * p, p));
        AddScaled(target, scale.GetElement(2), rows.Slice((i + 2) * p, p));
        AddScaled(target, scale.GetElement(3), rows.Slice((i + 3) * p, p));
    }

    /// <summary>Four ints as doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load4(int[] y, int i) => Vector256.Create((double)y[i], y[i + 1], y[i + 2], y[i + 3]);
}
