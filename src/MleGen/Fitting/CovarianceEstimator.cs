using System;
using System.Collections.Generic;
using System.Threading;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace MleGen;

/// <summary>
/// Inverts the information at the estimate on the natural scale. The information is taken directly
/// in θ (so bounds need no delta method); it is restricted to the free parameters, and a simplex of
/// K members is parameterized by its first K − 1 (θ_K = 1 − Σ, a linear map M, so the information is
/// MᵀIM exactly and the covariance M(MᵀIM)⁻¹Mᵀ). Positive definiteness is judged on the
/// correlation-scaled matrix, so parameters on very different scales do not trip the test.
/// </summary>
internal static class CovarianceEstimator
{
    /// <summary>
    /// Smallest acceptable squared Cholesky pivot of the unit-diagonal (correlation-scaled) information:
    /// below it the matrix is numerically singular (condition number beyond ~1e13 leaves fewer than three
    /// significant digits of the inverse in double precision).
    /// </summary>
    private const double PivotTolerance = 1e-13;

    /// <summary>Eigenvector components at least this large name a parameter as part of a null direction.</summary>
    private const double NullSpaceComponent = 0.1;

    /// <summary>The covariance from <paramref name="kind"/> at <paramref name="theta"/>; <paramref name="cancellation"/> is checked before each model evaluation.</summary>
    public static CovarianceOutcome Estimate(IMleModel model, ReadOnlySpan<double> theta, IReadOnlyList<ParameterInfo> infos, bool[] isFixed, CovarianceKind kind, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        int p = infos.Count;
        double[] map = LocalMap(infos, isFixed, out int r);
        double[] information = new double[p * p];
        if (kind == CovarianceKind.Expected)
        {
            model.ExpectedInformation(theta, information);
        }
        else
        {
            model.ObservedInformation(theta, information);
        }

        if (model.HasPrior)
        {
            model.NegativeLogPriorHessian(theta, information);
        }

        double[] a = Congruence(map, information, p, r);
        double[] scale = new double[r];
        var bad = new List<int>();
        for (int c = 0; c < r; c++)
        {
            double d = a[(c * r) + c];
            if (!(d > 0) || !double.IsFinite(d))
            {
                bad.Add(c);
            }

            scale[c] = 1 / Math.Sqrt(d);
        }

        if (bad.Count > 0)
        {
            return new CovarianceOutcome(null, ToTheta(bad, map, p, r));
        }

        double[] correlation = new double[r * r];
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < r; j++)
            {
                correlation[(i * r) + j] = a[(i * r) + j] * scale[i] * scale[j];
            }
        }

        double[] factor = new double[r * r];
        if (!TryCholesky(correlation, r, factor))
        {
            return new CovarianceOutcome(null, ToTheta(NullDirections(correlation, r), map, p, r));
        }

        // A⁻¹ = D S⁻¹ D with D = diag(scale), S = L Lᵀ.
        double[] inverse = new double[r * r];
        double[] column = new double[r];
        for (int j = 0; j < r; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            Cholesky.Solve(factor, r, column);
            for (int i = 0; i < r; i++)
            {
                inverse[(i * r) + j] = column[i] * scale[i] * scale[j];
            }
        }

        double[] covariance = inverse;
        if (kind == CovarianceKind.Sandwich)
        {
            double[] meat = new double[p * p];
            cancellation.ThrowIfCancellationRequested();
            model.ScoreOuterProduct(theta, meat);
            double[] b = Congruence(map, meat, p, r);
            covariance = Multiply(Multiply(inverse, b, r), inverse, r);
        }

        // Back to θ: Σ_θ = M Σ_φ Mᵀ.
        var result = new double[p, p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double s = 0;
                for (int k = 0; k < r; k++)
                {
                    double mik = map[(i * r) + k];
                    if (mik == 0)
                    {
                        continue;
                    }

                    for (int l = 0; l < r; l++)
                    {
                        s += mik * covariance[(k * r) + l] * map[(j * r) + l];
                    }
                }

                result[i, j] = s;
            }
        }

        return new CovarianceOutcome(result, []);
    }

    /// <summary>M (p×r): identity columns for free parameters, (1, …, 1, −1) patterns for a simplex's first K − 1 members.</summary>
    private static double[] LocalMap(IReadOnlyList<ParameterInfo> infos, bool[] isFixed, out int r)
    {
        int p = infos.Count;
        var columns = new List<(int Row, int Reference)>();
        for (int i = 0; i < p; i++)
        {
            if (isFixed[i] && !infos[i].IsSimplex)
            {
                continue;
            }

            if (infos[i].IsSimplex)
            {
                int end = i;
                while (end + 1 < p && infos[end + 1].SimplexGroup == infos[i].SimplexGroup)
                {
                    end++;
                }

                // The moving members (a held one is a constant): each but the last is a coordinate, the last their reference.
                int reference = end;
                while (isFixed[reference])
                {
                    reference--;
                }

                for (int k = i; k < reference; k++)
                {
                    if (!isFixed[k])
                    {
                        columns.Add((k, reference));
                    }
                }

                i = end;
                continue;
            }

            columns.Add((i, -1));
        }

        r = columns.Count;
        double[] map = new double[p * r];
        for (int c = 0; c < r; c++)
        {
            map[(columns[c].Row * r) + c] = 1;
            if (columns[c].Reference >= 0)
            {
                map[(columns[c].Reference * r) + c] = -1;
            }
        }

        return map;
    }

    /// <summary>MᵀXM (r×r) for a p×p <paramref name="x"/>.</summary>
    private static double[] Congruence(double[] map, double[] x, int p, int r)
    {
        double[] result = new double[r * r];
        for (int a = 0; a < r; a++)
        {
            for (int b = 0; b < r; b++)
            {
                double s = 0;
                for (int i = 0; i < p; i++)
                {
                    double mia = map[(i * r) + a];
                    if (mia == 0)
                    {
                        continue;
                    }

                    for (int j = 0; j < p; j++)
                    {
                        s += mia * x[(i * p) + j] * map[(j * r) + b];
                    }
                }

                result[(a * r) + b] = s;
            }
        }

        return result;
    }

    private static double[] Multiply(double[] x, double[] y, int r)
    {
        double[] result = new double[r * r];
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < r; j++)
            {
                double s = 0;
                for (int k = 0; k < r; k++)
                {
                    s += x[(i * r) + k] * y[(k * r) + j];
                }

                result[(i * r) + j] = s;
            }
        }

        return result;
    }

    private static bool TryCholesky(double[] s, int r, double[] factor)
    {
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double v = s[(i * r) + j];
                for (int k = 0; k < j; k++)
                {
                    v -= factor[(i * r) + k] * factor[(j * r) + k];
                }

                if (i == j)
                {
                    if (!(v > PivotTolerance))
                    {
                        return false;
                    }

                    factor[(i * r) + i] = Math.Sqrt(v);
                }
                else
                {
                    factor[(i * r) + j] = v / factor[(j * r) + j];
                }
            }
        }

        return true;
    }

    /// <summary>Local coordinates with a large component in an eigenvector of (numerically) non-positive eigenvalue.</summary>
    private static List<int> NullDirections(double[] s, int r)
    {
        Matrix<double> m = Matrix<double>.Build.Dense(r, r, (i, j) => s[(i * r) + j]);
        Evd<double> evd = m.Evd(Symmetricity.Symmetric);
        var involved = new SortedSet<int>();
        int smallest = 0;
        for (int k = 0; k < r; k++)
        {
            double lambda = evd.EigenValues[k].Real;
            if (lambda < evd.EigenValues[smallest].Real)
            {
                smallest = k;
            }

            if (lambda <= PivotTolerance * r)
            {
                AddComponents(evd.EigenVectors, k, r, involved);
            }
        }

        if (involved.Count == 0)
        {
            AddComponents(evd.EigenVectors, smallest, r, involved);
        }

        return [.. involved];
    }

    private static void AddComponents(Matrix<double> vectors, int k, int r, SortedSet<int> involved)
    {
        for (int i = 0; i < r; i++)
        {
            if (Math.Abs(vectors[i, k]) >= NullSpaceComponent)
            {
                involved.Add(i);
            }
        }
    }

    /// <summary>The θ indices of local coordinates (a simplex coordinate names its member).</summary>
    private static int[] ToTheta(List<int> local, double[] map, int p, int r)
    {
        var result = new SortedSet<int>();
        foreach (int c in local)
        {
            for (int i = 0; i < p; i++)
            {
                if (map[(i * r) + c] == 1)
                {
                    result.Add(i);
                }
            }
        }

        return [.. result];
    }
}
