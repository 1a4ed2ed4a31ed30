using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MleGen.Benchmarks;

/// <summary>
/// A hand-written logistic-regression kernel as an engineer would write it for speed: the row dot products and
/// the gradient and XᵀWX accumulations in Vector256 with fused multiply–adds (4 doubles a lane), the softplus and
/// logistic per row in scalar code, one thread. The baseline the generated (scalar) kernels are measured against.
/// </summary>
internal static class SimdLogistic
{
    /// <summary>NLL = Σ softplus(ηᵢ) − yᵢηᵢ with ηᵢ = xᵢ·β, writing ∇ = Σ (σ(ηᵢ) − yᵢ) xᵢ into <paramref name="gradient"/>.</summary>
    public static double ValueAndGradient(double[,] x, int[] y, ReadOnlySpan<double> beta, Span<double> gradient)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        ReadOnlySpan<double> rows = MemoryMarshal.CreateReadOnlySpan(ref x[0, 0], n * p);
        gradient.Slice(0, p).Clear();
        double nll = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = rows.Slice(i * p, p);
            double eta = Dot(row, beta);
            nll += Functions.Softplus(eta) - (y[i] != 0 ? eta : 0);
            AddScaled(gradient, Functions.Logistic(eta) - y[i], row);
        }

        return nll;
    }

    /// <summary>XᵀWX with W = σ(η)(1 − σ(η)), p×p row-major (upper triangle accumulated, then mirrored).</summary>
    public static void Information(double[,] x, ReadOnlySpan<double> beta, Span<double> information)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        ReadOnlySpan<double> rows = MemoryMarshal.CreateReadOnlySpan(ref x[0, 0], n * p);
        information.Slice(0, p * p).Clear();
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = rows.Slice(i * p, p);
            double mu = Functions.Logistic(Dot(row, beta));
            double w = mu * (1 - mu);
            for (int a = 0; a < p; a++)
            {
                // Row a of the upper triangle: H[a, a..p) += (w·xₐ)·x[a..p).
                AddScaled(information.Slice((a * p) + a, p - a), w * row[a], row.Slice(a));
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

    /// <summary>√diag((XᵀWX)⁻¹) by a Cholesky factorization and p solves.</summary>
    public static double[] StandardErrors(ReadOnlySpan<double> information, int p)
    {
        double[] l = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = information[(i * p) + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[(i * p) + k] * l[(j * p) + k];
                }

                l[(i * p) + j] = i == j ? Math.Sqrt(s) : s / l[(j * p) + j];
            }
        }

        double[] se = new double[p];
        double[] column = new double[p];
        for (int c = 0; c < p; c++)
        {
            Array.Clear(column);
            column[c] = 1;
            for (int i = 0; i < p; i++)
            {
                double s = column[i];
                for (int k = 0; k < i; k++)
                {
                    s -= l[(i * p) + k] * column[k];
                }

                column[i] = s / l[(i * p) + i];
            }

            for (int i = p - 1; i >= 0; i--)
            {
                double s = column[i];
                for (int k = i + 1; k < p; k++)
                {
                    s -= l[(k * p) + i] * column[k];
                }

                column[i] = s / l[(i * p) + i];
            }

            se[c] = Math.Sqrt(column[c]);
        }

        return se;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int j = 0;
        double sum = 0;
        if (Avx.IsSupported && Fma.IsSupported && a.Length >= 4)
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

    /// <summary>target += scale·source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> source)
    {
        int j = 0;
        if (Avx.IsSupported && Fma.IsSupported && target.Length >= 4)
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
}
