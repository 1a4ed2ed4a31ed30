using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MleGen;

public static partial class VectorKernels
{
    /// <summary>
    /// meat += s sᵀ on and above the diagonal (meat row-major p × p, p = <paramref name="score"/>'s length): the score
    /// outer product's per-observation update. Rows whose sₐ is 0 are skipped. Each entry takes one multiply and one add
    /// (no FMA), as the scalar loop does, so the sums have the same bits at every width.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="meat"/> does not have p·p elements.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddOuterUpper(Span<double> meat, ReadOnlySpan<double> score)
    {
        int p = score.Length;
        if (meat.Length != p * p)
        {
            throw new ArgumentException("meat must have p·p elements for a score of length p.", nameof(meat));
        }

        ref double s0 = ref MemoryMarshal.GetReference(score);
        ref double m0 = ref MemoryMarshal.GetReference(meat);
        for (int a = 0; a < p; a++)
        {
            double sa = Unsafe.Add(ref s0, a);
            if (sa == 0d)
            {
                continue;
            }

            // Entries c = a … p − 1 of row a.
            ref double row = ref Unsafe.Add(ref m0, (a * p) + a);
            ref double s = ref Unsafe.Add(ref s0, a);
            int count = p - a, c = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var v = Vector512.Create(sa);
                for (; c <= count - 8; c += 8)
                {
                    (Vector512.LoadUnsafe(ref row, (nuint)c) + (v * Vector512.LoadUnsafe(ref s, (nuint)c))).StoreUnsafe(ref row, (nuint)c);
                }
            }

            if (Vector256.IsHardwareAccelerated)
            {
                var v = Vector256.Create(sa);
                for (; c <= count - 4; c += 4)
                {
                    (Vector256.LoadUnsafe(ref row, (nuint)c) + (v * Vector256.LoadUnsafe(ref s, (nuint)c))).StoreUnsafe(ref row, (nuint)c);
                }
            }

            for (; c < count; c++)
            {
                Unsafe.Add(ref row, c) += sa * Unsafe.Add(ref s, c);
            }
        }
    }
}
