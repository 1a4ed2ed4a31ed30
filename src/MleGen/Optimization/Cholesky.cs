using System;

namespace MleGen;

/// <summary>
/// Cholesky factorization of a shifted matrix H + τI (row-major, lower triangle): the linear algebra of
/// the trust-region Newton steps and of the covariance estimator.
/// </summary>
internal static class Cholesky
{
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
