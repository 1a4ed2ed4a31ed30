using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MleGen;

/// <summary>
/// The pieces of the generated vector kernels (issue 12): which width a kernel runs at, and the block operations the
/// generated code calls — loads of 4 or 8 observations, FMA row dot products and row updates over <c>double[,]</c>
/// rows, the logistic function, and the lane-by-lane fallback of functions without a vector form. For generated code.
/// </summary>
/// <remarks>
/// The width is chosen once per process: 8 when <c>Vector512.IsHardwareAccelerated</c>, else 4 when
/// <c>Vector256.IsHardwareAccelerated</c>, else 1 (the scalar kernels); the environment variable
/// <c>MLEGEN_SCALAR=1</c> forces 1. An evaluation reads the width once (<see cref="ChunkedEvaluator.VectorWidth"/>) and
/// every chunk of it runs at that width, so a result does not depend on the thread count. See docs/internals/simd.md.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class VectorKernels
{
    /// <summary>The process's width: the preferred hardware width, or 1 under <c>MLEGEN_SCALAR=1</c> (read once).</summary>
    public static int DefaultWidth { get; } = ReadDefaultWidth();

    private static int ReadDefaultWidth()
    {
        string? scalar = Environment.GetEnvironmentVariable("MLEGEN_SCALAR");
        if (scalar is not null && scalar.Trim() is "1" or "true" or "TRUE" or "True")
        {
            return 1;
        }

        return VectorMath.PreferredWidth;
    }

    /// <summary>All the elements of a row-major matrix as one span (the bounds of each slice are checked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<double> Elements(double[,] matrix) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);

    /// <summary>Σⱼ a[j]·b[j] with FMA over 4 doubles at a time (the same operations for a row whatever block it is in).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double RowDot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int j = 0;
        double sum = 0;
        if (b.Length > a.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(b));
        }

        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && b.Length >= 4)
        {
            ref double ra = ref MemoryMarshal.GetReference(a);
            ref double rb = ref MemoryMarshal.GetReference(b);
            var acc = System.Runtime.Intrinsics.Vector256<double>.Zero;
            for (; j <= b.Length - 4; j += 4)
            {
                acc = MultiplyAdd(System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref ra, (nuint)j), System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref rb, (nuint)j), acc);
            }

            sum = System.Runtime.Intrinsics.Vector256.Sum(acc);
        }

        for (; j < b.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }

    /// <summary>a·b + c, fused where the hardware has FMA (a JIT-time constant).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static System.Runtime.Intrinsics.Vector256<double> MultiplyAdd(System.Runtime.Intrinsics.Vector256<double> a, System.Runtime.Intrinsics.Vector256<double> b, System.Runtime.Intrinsics.Vector256<double> c) =>
        System.Runtime.Intrinsics.X86.Fma.IsSupported ? System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    /// <summary>a·b + c, fused where the hardware has FMA (a JIT-time constant).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static System.Runtime.Intrinsics.Vector512<double> MultiplyAdd(System.Runtime.Intrinsics.Vector512<double> a, System.Runtime.Intrinsics.Vector512<double> b, System.Runtime.Intrinsics.Vector512<double> c) =>
        System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? System.Runtime.Intrinsics.X86.Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    /// <summary>The logistic function of one lane, as the vector forms compute it: e = exp(−|x|), 1/(1 + e) or e/(1 + e).</summary>
    internal static double Logistic(double x)
    {
        double e = VectorMath.Exp(-Math.Abs(x));
        double r = 1 / (1 + e);
        return x >= 0 ? r : e * r;
    }
}
