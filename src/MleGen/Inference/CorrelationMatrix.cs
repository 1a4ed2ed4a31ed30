namespace MleGen;

/// <summary>Scales a covariance matrix to correlations.</summary>
internal static class CorrelationMatrix
{
    /// <summary>cov[i, j] / √(cov[i, i]·cov[j, j]), exactly symmetric (an inverse computed in floating point is symmetric only to rounding: the two halves are averaged); NaN in the rows and columns whose variance is not positive (fixed parameters).</summary>
    public static double[,] From(double[,] covariance)
    {
        int p = covariance.GetLength(0);
        var correlation = new double[p, p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double vi = covariance[i, i], vj = covariance[j, j];
                correlation[i, j] = vi > 0 && vj > 0
                    ? (i == j ? 1 : (0.5 * (covariance[i, j] + covariance[j, i])) / System.Math.Sqrt(vi * vj))
                    : double.NaN;
            }
        }

        return correlation;
    }
}
