using System;
using System.Runtime.Intrinsics;

namespace MleGen.Benchmarks;

/// <summary>
/// Hand-written Poisson (log link) NLL + gradient: FMA row dot products, μ = e^η by VectorMath.Exp 4 rows at a time,
/// the gradient as FMA row updates, one thread; the scalar remainder with VectorMath's scalar twin.
/// </summary>
internal static class SimdPoisson
{
    /// <summary>NLL = Σ μᵢ − yᵢηᵢ + log yᵢ! (the last sum given), ∇ = Σ (μᵢ − yᵢ) xᵢ.</summary>
    public static double ValueAndGradient(double[,] x, int[] y, double logFactorials, ReadOnlySpan<double> beta, Span<double> gradient)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        ReadOnlySpan<double> rows = SimdRows.Of(x);
        gradient.Slice(0, p).Clear();
        Vector256<double> nll = Vector256<double>.Zero;
        int i = 0;
        for (; i <= n - 4; i += 4)
        {
            Vector256<double> eta = SimdRows.Dot4(rows, i, p, beta);
            Vector256<double> mu = VectorMath.Exp(eta);
            Vector256<double> counts = SimdRows.Load4(y, i);
            nll += mu - (counts * eta);
            SimdRows.AddScaled4(gradient, mu - counts, rows, i, p);
        }

        double total = Vector256.Sum(nll) + logFactorials;
        for (; i < n; i++)
        {
            ReadOnlySpan<double> row = rows.Slice(i * p, p);
            double eta = SimdRows.Dot(row, beta), mu = VectorMath.Exp(eta);
            total += mu - (y[i] * eta);
            SimdRows.AddScaled(gradient, mu - y[i], row);
        }

        return total;
    }
}
