using System;

namespace MleGen.Tests.Fitting.Agreement;

/// <summary>
/// Smaller versions of the benchmark's full-fit problems on deterministic (seeded) synthetic data:
/// logistic 20,000 × 20, Poisson 20,000 × 10 and a 3-component normal mixture of 5,000. Each call
/// builds a fresh model, so fits never start from another fit's estimates.
/// </summary>
internal static class AgreementCases
{
    public const string Logistic = "logistic 20k×20", Poisson = "Poisson 20k×10", Mixture = "mixture K=3 5k";

    public static IMleModel Create(string name) => name switch
    {
        Logistic => CreateLogistic(),
        Poisson => CreatePoisson(),
        Mixture => CreateMixture(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static AgreementLogistic CreateLogistic()
    {
        const int n = 20_000, p = 20;
        var random = new Random(11);
        var x = Design(random, n, p, out double[] beta);
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-Eta(x, beta, i))) ? 1 : 0;
        }

        return new AgreementLogistic { X = x, Y = y, Beta = new double[p] };
    }

    private static AgreementPoisson CreatePoisson()
    {
        const int n = 20_000, p = 10;
        var random = new Random(12);
        var x = Design(random, n, p, out double[] beta);
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            // Knuth's method: fine for the small rates here.
            double limit = Math.Exp(-Math.Exp(Eta(x, beta, i))), product = random.NextDouble();
            while (product > limit)
            {
                y[i]++;
                product *= random.NextDouble();
            }
        }

        return new AgreementPoisson { X = x, Y = y, Beta = new double[p] };
    }

    private static AgreementMixture CreateMixture()
    {
        const int n = 5_000;
        double[] weights = [0.5, 0.3, 0.2], means = [-2, 0, 3], sds = [1, 0.5, 1.5];
        var random = new Random(13);
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

            y[i] = means[k] + (sds[k] * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        // Start near but not at the truth, components ordered as generated.
        return new AgreementMixture { Y = y, Weights = [0.4, 0.35, 0.25], Means = [-1.5, 0.5, 2.5], Sds = [1.2, 0.8, 1.2] };
    }

    /// <summary>An intercept column and uniform(−1, 1) covariates; true coefficients ±0.3/√p, −0.2/√p alternating.</summary>
    private static double[,] Design(Random random, int n, int p, out double[] beta)
    {
        var x = new double[n, p];
        beta = new double[p];
        for (int j = 0; j < p; j++)
        {
            beta[j] = (j % 2 == 0 ? 0.3 : -0.2) / Math.Sqrt(p);
        }

        for (int i = 0; i < n; i++)
        {
            x[i, 0] = 1;
            for (int j = 1; j < p; j++)
            {
                x[i, j] = (2 * random.NextDouble()) - 1;
            }
        }

        return x;
    }

    private static double Eta(double[,] x, double[] beta, int i)
    {
        double eta = 0;
        for (int j = 0; j < beta.Length; j++)
        {
            eta += beta[j] * x[i, j];
        }

        return eta;
    }
}
