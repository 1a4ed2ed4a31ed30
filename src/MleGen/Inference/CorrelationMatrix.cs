namespace MleGen;

/// <summary>Scales a covariance matrix to correlations.</summary>
internal static class CorrelationMatrix
{
    /// <summary>cov[i, j] / √(cov[i, i]·cov[j, j]); NaN in the rows and columns whose variance is not positive (fixed parameters).</summary>
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
                    ? (i == j ? 1 : covariance[i, j] / System.Math.Sqrt(vi * vj))
                    : double.NaN;
            }
        }

        return correlation;
    }
}
