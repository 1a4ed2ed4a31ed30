using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MleGen.Benchmarks;

/// <summary>A hand-written blocked XᵀWX for logistic regression, as an engineer would write it for speed.</summary>
internal static class SimdInformation
{
    /// <summary>
    /// XᵀWX, W = σ(η)(1 − σ(η)), p×p row-major: blocks of 4 rows (FMA row dot products, the vector logistic), each matrix
    /// row a updated from its 4-aligned column below a with 4 FMAs per load and store (entries left of the diagonal
    /// are overwritten by the mirror), the scalar twin for the last rows.
    /// </summary>
    public static void Logistic(double[,] x, ReadOnlySpan<double> beta, Span<double> information)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        ReadOnlySpan<double> rows = SimdRows.Of(x);
        information.Slice(0, p * p).Clear();
        ref double rm = ref MemoryMarshal.GetReference(information);
        ref double rx = ref MemoryMarshal.GetReference(rows);
        int i = 0;
        for (; i <= n - 4; i += 4)
        {
            Vector256<double> mu = VectorKernels.Logistic(SimdRows.Dot4(rows, i, p, beta));
            Vector256<double> w = mu * (Vector256<double>.One - mu);
            int r0 = i * p, r1 = r0 + p, r2 = r1 + p, r3 = r2 + p;
            for (int a = 0; a < p; a++)
            {
                var w0 = Vector256.Create(w.GetElement(0) * rows[r0 + a]);
                var w1 = Vector256.Create(w.GetElement(1) * rows[r1 + a]);
                var w2 = Vector256.Create(w.GetElement(2) * rows[r2 + a]);
                var w3 = Vector256.Create(w.GetElement(3) * rows[r3 + a]);
                int c = a & ~3;
                for (; c <= p - 4; c += 4)
                {
                    nuint at = (nuint)((a * p) + c);
                    Vector256<double> t = Vector256.LoadUnsafe(ref rm, at);
                    t = System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(w0, Vector256.LoadUnsafe(ref rx, (nuint)(r0 + c)), t);
                    t = System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(w1, Vector256.LoadUnsafe(ref rx, (nuint)(r1 + c)), t);
                    t = System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(w2, Vector256.LoadUnsafe(ref rx, (nuint)(r2 + c)), t);
                    t = System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(w3, Vector256.LoadUnsafe(ref rx, (nuint)(r3 + c)), t);
                    t.StoreUnsafe(ref rm, at);
                }

                for (; c < p; c++)
                {
                    information[(a * p) + c] += (w0.GetElement(0) * rows[r0 + c]) + (w1.GetElement(0) * rows[r1 + c]) + (w2.GetElement(0) * rows[r2 + c]) + (w3.GetElement(0) * rows[r3 + c]);
                }
            }
        }

        for (; i < n; i++)
        {
            ReadOnlySpan<double> row = rows.Slice(i * p, p);
            double mu = Functions.Logistic(SimdRows.Dot(row, beta));
            double w = mu * (1 - mu);
            for (int a = 0; a < p; a++)
            {
                SimdRows.AddScaled(information.Slice((a * p) + a, p - a), w * row[a], row.Slice(a));
            }
        }

        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < a; b++)
            {
                information[(a * p) + b] = information[(b * p) + a];
            }
        }
    }
}
