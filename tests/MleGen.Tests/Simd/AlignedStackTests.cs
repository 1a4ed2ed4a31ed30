using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// VectorKernels.Aligned4/8, the generated kernels' log-sum-exp caches and gradient accumulators: from stack memory
/// starting at any double boundary they return exactly the requested vectors on 32/64-byte boundaries, inside the
/// memory given (writing every vector leaves the doubles around them untouched).
/// </summary>
public class AlignedStackTests
{
    [Fact]
    public unsafe void VectorsStartOnTheirBoundariesInsideTheStackMemory()
    {
        const int count = 5;
        Span<double> memory = stackalloc double[(count * 8) + 7 + 16];
        for (int offset = 0; offset < 8; offset++)
        {
            // One block, eight start offsets: every 8-byte position modulo 64.
            memory.Fill(-1);
            var stack = memory.Slice(offset + 8, (count * 8) + 7);
            var eight = VectorKernels.Aligned8(stack, count);
            Assert.Equal(count, eight.Length);
            Assert.Equal(0u, (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(eight)) % 64);
            eight.Fill(Vector512.Create(2.0));
            Assert.Equal(count * 8, Count(memory, 2.0));
            Assert.Equal(0, Count(memory[..(offset + 8)], 2.0) + Count(memory[(offset + 8 + stack.Length)..], 2.0));

            memory.Fill(-1);
            var four = VectorKernels.Aligned4(memory.Slice(offset + 8, (count * 4) + 3), count);
            Assert.Equal(count, four.Length);
            Assert.Equal(0u, (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(four)) % 32);
            four.Fill(Vector256.Create(3.0));
            Assert.Equal(count * 4, Count(memory, 3.0));
            Assert.Equal(0, Count(memory[..(offset + 8)], 3.0) + Count(memory[(offset + 8 + (count * 4) + 3)..], 3.0));
        }
    }

    private static int Count(ReadOnlySpan<double> values, double value)
    {
        int n = 0;
        foreach (double v in values)
        {
            n += v == value ? 1 : 0;
        }

        return n;
    }
}
