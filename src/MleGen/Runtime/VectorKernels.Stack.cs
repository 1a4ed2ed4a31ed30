using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MleGen;

/// <summary>Aligned views of stack memory for the generated kernels' per-chunk vector arrays.</summary>
public static partial class VectorKernels
{
    /// <summary>
    /// <paramref name="count"/> <see cref="Vector512{T}"/>s on 64-byte boundaries inside <paramref name="stack"/>, which
    /// must be <c>stackalloc double[count * 8 + 7]</c> (stack memory does not move): a vector array read and written once
    /// per block, whose elements would otherwise straddle cache lines wherever the stack frame happens to start.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Span<Vector512<double>> Aligned8(Span<double> stack, int count)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(stack));
        int skip = (int)(((64 - (address & 63)) & 63) / sizeof(double));
        return MemoryMarshal.Cast<double, Vector512<double>>(stack.Slice(skip, count * 8));
    }

    /// <summary>As <see cref="Aligned8"/> for <see cref="Vector256{T}"/>s on 32-byte boundaries: <c>stackalloc double[count * 4 + 3]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Span<Vector256<double>> Aligned4(Span<double> stack, int count)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(stack));
        int skip = (int)(((32 - (address & 31)) & 31) / sizeof(double));
        return MemoryMarshal.Cast<double, Vector256<double>>(stack.Slice(skip, count * 4));
    }
}
