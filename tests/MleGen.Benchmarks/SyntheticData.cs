using System;

namespace MleGen.Benchmarks;

/// <summary>Deterministic synthetic data sets (seeded), generated in the benchmark.</summary>
internal static class SyntheticData
{
    public static (double[,] X, double[] Beta) Design(int n, int p, int seed)
    {
        var random = new Random(seed);
        var x = new double[n, p];
        var beta = new double[p];
        for (int j = 0; j < p; j++)
        {
            beta[j] = (j % 2 == 0 ? 0.3 : -0.2) / Math.Sqrt(p);
        }

        for (int i = 0; i < n; i++)
        {
            x[i, 0] = 1;
            for (int j = 1; j < p; j++)
            {
                x[i, j] = 2 * random.NextDouble() - 1;
            }
        }

        return (x, beta);
    }

    public static double Eta(double[,] x, double[] beta, int i)
    {
        double eta = 0;
        for (int j = 0; j < beta.Length; j++)
        {
            eta += beta[j] * x[i, j];
        }

        return eta;
    }

    public static int[] Bernoulli(double[,] x, double[] beta, int seed)
    {
        var random = new Random(seed);
        var y = new int[x.GetLength(0)];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-Eta(x, beta, i))) ? 1 : 0;
        }

        return y;
    }

    public static int[] Poisson(double[,] x, double[] beta, int seed)
    {
        var random = new Random(seed);
        var y = new int[x.GetLength(0)];
        for (int i = 0; i < y.Length; i++)
        {
            // Knuth's method: fine for the small rates here.
            double limit = Math.Exp(-Math.Exp(Eta(x, beta, i))), product = random.NextDouble();
            int k = 0;
            while (product > limit)
            {
                k++;
                product *= random.NextDouble();
            }

            y[i] = k;
        }

        return y;
    }

    /// <summary>Counts with mean e^(xᵢ·β) and variance μ + μ²/φ (MathNet's failures-before-the-φ-th-success form).</summary>
    public static int[] NegativeBinomial(double[,] x, double[] beta, double dispersion, int seed)
    {
        var random = new Random(seed);
        var y = new int[x.GetLength(0)];
        for (int i = 0; i < y.Length; i++)
        {
            double mean = Math.Exp(Eta(x, beta, i));
            y[i] = MathNet.Numerics.Distributions.NegativeBinomial.Sample(random, dispersion, dispersion / (dispersion + mean));
        }

        return y;
    }

    public static double[] Gaussian(double[,] x, double[] beta, double sigma, int seed)
    {
        var random = new Random(seed);
        var y = new double[x.GetLength(0)];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = Eta(x, beta, i) + sigma * Normal(random);
        }

        return y;
    }

    /// <summary>
    /// Beta regression responses with mean μ = σ(½·η) and precision φ: a ratio of gamma draws whose integer shapes are
    /// μφ and (1 − μ)φ rounded up to at least 1 (close to the model, not exact: for timing and kernel tests), in (1e-6, 1 − 1e-6).
    /// </summary>
    public static double[] Beta(double[,] x, double[] beta, double precision, int seed)
    {
        var random = new Random(seed);
        int n = x.GetLength(0);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double mu = 1 / (1 + Math.Exp(-0.5 * Eta(x, beta, i)));
            double a = GammaInteger(random, Math.Max(1, Math.Round(precision * mu))), b = GammaInteger(random, Math.Max(1, Math.Round(precision * (1 - mu))));
            y[i] = Math.Clamp(a / (a + b), 1e-6, 1 - 1e-6);
        }

        return y;

        static double GammaInteger(Random random, double shape)
        {
            double s = 0;
            for (int k = 0; k < shape; k++)
            {
                s -= Math.Log(1 - random.NextDouble());
            }

            return s;
        }
    }

    public static double[] Mixture(int n, double[] weights, double[] means, double[] sds, int seed)
    {
        var random = new Random(seed);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            int k = 0;
            while (k < weights.Length - 1 && u > weights[k])
            {
                u -= weights[k];
                k++;
            }

            y[i] = means[k] + sds[k] * Normal(random);
        }

        return y;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
