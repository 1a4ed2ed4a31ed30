using System;
using System.Runtime.Intrinsics;

namespace MleGen.Benchmarks;

/// <summary>Hand-written Gaussian linear regression NLL + gradient (β and σ): FMA row dot products and row updates, residuals 4 at a time.</summary>
internal static class SimdLinear
{
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562;

    /// <summary>θ = (β, σ): NLL = Σ ½log 2π + log σ + rᵢ²/(2σ²), ∇β = −Σ rᵢxᵢ/σ², ∂σ = n/σ − Σrᵢ²/σ³ with rᵢ = yᵢ − xᵢ·β.</summary>
    public static double ValueAndGradient(double[,] x, double[] y, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        ReadOnlySpan<double> rows = SimdRows.Of(x);
        ReadOnlySpan<double> beta = theta.Slice(0, p);
        double sigma = theta[p], inverseVariance = 1 / (sigma * sigma);
        Span<double> betaGradient = gradient.Slice(0, p);
        betaGradient.Clear();
        Vector256<double> squares = Vector256<double>.Zero, minusInverseVariance = Vector256.Create(-inverseVariance);
        int i = 0;
        for (; i <= n - 4; i += 4)
        {
            Vector256<double> residual = Vector256.Create(y[i], y[i + 1], y[i + 2], y[i + 3]) - SimdRows.Dot4(rows, i, p, beta);
            squares = Vector256.FusedMultiplyAdd(residual, residual, squares);
            SimdRows.AddScaled4(betaGradient, residual * minusInverseVariance, rows, i, p);
        }

        double sumSquares = Vector256.Sum(squares);
        for (; i < n; i++)
        {
            ReadOnlySpan<double> row = rows.Slice(i * p, p);
            double residual = y[i] - SimdRows.Dot(row, beta);
            sumSquares += residual * residual;
            SimdRows.AddScaled(betaGradient, -residual * inverseVariance, row);
        }

        gradient[p] = (n / sigma) - (sumSquares * inverseVariance / sigma);
        return (n * (HalfLogTwoPi + Math.Log(sigma))) + (0.5 * sumSquares * inverseVariance);
    }
}
