using System;

namespace MleGen;

/// <summary>
/// Cholesky factorization with added multiple of the identity (Nocedal &amp; Wright, Algorithm 3.3):
/// factor H + τI, increasing τ until it succeeds, so a Newton direction is always a descent direction.
/// </summary>
internal static class ModifiedCholesky
{
    /// <summary>Factors H + τI into L Lᵀ in <paramref name="factor"/> (lower triangle, n×n row-major); returns τ.</summary>
    public static double Factor(ReadOnlySpan<double> hessian, int n, Span<double> factor)
    {
        double minDiagonal = double.PositiveInfinity, maxDiagonal = 0;
        for (int i = 0; i < n; i++)
        {
            double h = hessian[(i * n) + i];
            minDiagonal = Math.Min(minDiagonal, h);
            maxDiagonal = Math.Max(maxDiagonal, Math.Abs(h));
        }

        // β: the first shift, scaled to the matrix (N&W suggest 1e-3 of its size).
        double beta = 1e-3 * Math.Max(1, maxDiagonal);
        double tau = minDiagonal > 0 ? 0 : -minDiagonal + beta;
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if (TryFactor(hessian, n, tau, factor))
            {
                return tau;
            }

            tau = Math.Max(2 * tau, beta);
        }

        throw new InvalidOperationException("The Hessian could not be made positive definite (non-finite entries?).");
    }

    /// <summary>Plain Cholesky of H + τI; false when a pivot is not positive (or not finite).</summary>
    public static bool TryFactor(ReadOnlySpan<double> matrix, int n, double tau, Span<double> factor)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = matrix[(i * n) + j] + (i == j ? tau : 0);
                for (int k = 0; k < j; k++)
                {
                    s -= factor[(i * n) + k] * factor[(j * n) + k];
                }

                if (i == j)
                {
                    if (!(s > 0) || !double.IsFinite(s))
                    {
                        return false;
                    }

                    factor[(i * n) + i] = Math.Sqrt(s);
                }
                else
                {
                    factor[(i * n) + j] = s / factor[(j * n) + j];
                }
            }
        }

        return true;
    }

    /// <summary>Solves L Lᵀ x = b in place.</summary>
    public static void Solve(ReadOnlySpan<double> factor, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= factor[(i * n) + k] * b[k];
            }

            b[i] = s / factor[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int k = i + 1; k < n; k++)
            {
                s -= factor[(k * n) + i] * b[k];
            }

            b[i] = s / factor[(i * n) + i];
        }
    }
}
