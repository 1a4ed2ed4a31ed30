using System;

namespace MleGen.Tests.Diagnostics;

/// <summary>Simulated and crafted data sets for the run-time checks, from fixed seeds.</summary>
internal static class FailureData
{
    public static double[,] Column(double[] x)
    {
        var m = new double[x.Length, 1];
        for (int i = 0; i < x.Length; i++)
        {
            m[i, 0] = x[i];
        }

        return m;
    }

    public static double[,] Columns(params double[][] columns)
    {
        var m = new double[columns[0].Length, columns.Length];
        for (int i = 0; i < columns[0].Length; i++)
        {
            for (int j = 0; j < columns.Length; j++)
            {
                m[i, j] = columns[j][i];
            }
        }

        return m;
    }

    public static double[] Uniform(Random random, int n, double lo = -1, double hi = 1)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = lo + ((hi - lo) * random.NextDouble());
        }

        return x;
    }

    public static double Normal(Random random)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    public static int Poisson(Random random, double mean)
    {
        // Knuth's product method: fine for the small means used here.
        double limit = Math.Exp(-mean), product = random.NextDouble();
        int k = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            k++;
        }

        return k;
    }

    public static int Bernoulli(Random random, double p) => random.NextDouble() < p ? 1 : 0;

    /// <summary>A gamma(shape, 1) variate (Marsaglia–Tsang; shape ≥ 1).</summary>
    public static double Gamma(Random random, double shape)
    {
        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z = Normal(random), v = 1 + (c * z);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
