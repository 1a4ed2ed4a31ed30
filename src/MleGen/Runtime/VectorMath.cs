using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MleGen;

/// <summary>
/// Transcendental functions over <see cref="Vector256{T}"/> and <see cref="Vector512{T}"/> of doubles for vectorized
/// kernels, each with a scalar twin that performs the same operations in the same order, so a lane and the scalar
/// remainder of a kernel give bit-identical results on a given machine (a kernel's result then does not depend on
/// where blocks of 4 or 8 observations start, hence not on the thread count). Special values are those of
/// <see cref="Math"/>: NaN propagates, ±∞, ±0 and subnormal arguments and results as <see cref="Math.Exp"/> and
/// <see cref="Math.Log(double)"/> give them. Fused multiply–adds are used iff <see cref="Fma.IsSupported"/> (every width
/// alike). Measured errors (tests, against <see cref="Math"/>): see docs/internals/simd.md.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class VectorMath
{
    /// <summary>Whether the kernels multiply-add with one rounding (the same choice for scalar and vector code).</summary>
    public static bool UsesFusedMultiplyAdd => Fma.IsSupported;

    /// <summary>The widest accelerated vector width in doubles: 8, 4, or 1 (scalar) when neither is accelerated.</summary>
    public static int PreferredWidth =>
        Vector512.IsHardwareAccelerated ? 8 : Vector256.IsHardwareAccelerated ? 4 : 1;

    /// <summary>destination[i] = eˣ⁽ⁱ⁾ at the preferred width (scalar remainder).</summary>
    public static void Exp(ReadOnlySpan<double> x, Span<double> destination) => Apply<ExpFunction>(x, destination, PreferredWidth);

    /// <summary>destination[i] = log x[i] at the preferred width (scalar remainder).</summary>
    public static void Log(ReadOnlySpan<double> x, Span<double> destination) => Apply<LogFunction>(x, destination, PreferredWidth);

    /// <summary>destination[i] = log(1 + x[i]) at the preferred width (scalar remainder).</summary>
    public static void Log1p(ReadOnlySpan<double> x, Span<double> destination) => Apply<Log1pFunction>(x, destination, PreferredWidth);

    /// <summary>destination[i] = log(1 + e^x[i]) at the preferred width (scalar remainder).</summary>
    public static void Softplus(ReadOnlySpan<double> x, Span<double> destination) => Apply<SoftplusFunction>(x, destination, PreferredWidth);

    /// <summary>destination[i] = log σ(x[i]) = −log(1 + e^−x[i]) at the preferred width (scalar remainder).</summary>
    public static void LogSigmoid(ReadOnlySpan<double> x, Span<double> destination) => Apply<LogSigmoidFunction>(x, destination, PreferredWidth);

    /// <summary>Applies a function over a span in blocks of <paramref name="width"/> (8, 4 or 1), the remainder in scalar code.</summary>
    internal static void Apply<TFunction>(ReadOnlySpan<double> x, Span<double> destination, int width)
        where TFunction : struct, IVectorFunction
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException($"destination has {destination.Length} elements but x has {x.Length}", nameof(destination));
        }

        ref double source = ref MemoryMarshal.GetReference(x);
        ref double target = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (width == 8)
        {
            for (; i <= x.Length - 8; i += 8)
            {
                TFunction.Apply(Vector512.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
            }
        }
        else if (width == 4)
        {
            for (; i <= x.Length - 4; i += 4)
            {
                TFunction.Apply(Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
            }
        }
        else if (width != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "The width is 8, 4 or 1.");
        }

        for (; i < x.Length; i++)
        {
            Unsafe.Add(ref target, i) = TFunction.Apply(Unsafe.Add(ref source, i));
        }
    }

    /// <summary>One function at the three widths (for <see cref="Apply{TFunction}"/>).</summary>
    internal interface IVectorFunction
    {
        static abstract double Apply(double x);

        static abstract Vector256<double> Apply(Vector256<double> x);

        static abstract Vector512<double> Apply(Vector512<double> x);
    }

    internal readonly struct ExpFunction : IVectorFunction
    {
        public static double Apply(double x) => Exp(x);

        public static Vector256<double> Apply(Vector256<double> x) => Exp(x);

        public static Vector512<double> Apply(Vector512<double> x) => Exp(x);
    }

    internal readonly struct LogFunction : IVectorFunction
    {
        public static double Apply(double x) => Log(x);

        public static Vector256<double> Apply(Vector256<double> x) => Log(x);

        public static Vector512<double> Apply(Vector512<double> x) => Log(x);
    }

    internal readonly struct Log1pFunction : IVectorFunction
    {
        public static double Apply(double x) => Log1p(x);

        public static Vector256<double> Apply(Vector256<double> x) => Log1p(x);

        public static Vector512<double> Apply(Vector512<double> x) => Log1p(x);
    }

    internal readonly struct SoftplusFunction : IVectorFunction
    {
        public static double Apply(double x) => Softplus(x);

        public static Vector256<double> Apply(Vector256<double> x) => Softplus(x);

        public static Vector512<double> Apply(Vector512<double> x) => Softplus(x);
    }

    internal readonly struct LogSigmoidFunction : IVectorFunction
    {
        public static double Apply(double x) => LogSigmoid(x);

        public static Vector256<double> Apply(Vector256<double> x) => LogSigmoid(x);

        public static Vector512<double> Apply(Vector512<double> x) => LogSigmoid(x);
    }
}
