using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.Cluster;

/// <summary>Logistic regression: one term, a gradient and p×p information.</summary>
[Model]
public partial class ShardLogistic
{
    [Data] public required double[,] X;
    [Data] public required int[] Y;

    [Param] public double Intercept;
    [Param] public double[] Beta = [];

    [Likelihood(nameof(Y))]
    BernoulliLogit Observation(int i) => new(Intercept + Dot(Beta, X, i));
}

/// <summary>Poisson regression: its NLL has a data-only constant (log y!) that must be summed across ranks in order.</summary>
[Model]
public partial class ShardPoisson
{
    [Data] public required double[] X;
    [Data] public required int[] Y;

    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    PoissonLog Count(int i) => new(A + B * X[i]);
}

/// <summary>Two terms of different lengths, each sharded by its own row count; a bounded scale.</summary>
[Model]
public partial class ShardTwoTerms
{
    [Data] public required double[] X;
    [Data] public required double[] Y;
    [Data] public required double[] Z;
    [Data] public required int[] Counts;

    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    Normal Level(int i) => new(A + B * X[i], Sigma);

    [Likelihood(nameof(Counts))]
    PoissonLog Count(int i) => new(A - B * Z[i]);
}

/// <summary>Least absolute deviations: a kinked likelihood, fitted through the smoothing continuation.</summary>
[Model]
public partial class ShardLaplace
{
    [Data] public required double[] X;
    [Data] public required double[] Y;

    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Scale = 1;

    [Likelihood(nameof(Y))]
    Laplace Residual(int i) => new(A + B * X[i], Scale);
}

/// <summary>A time trend on the row number: i used as a number, which a shard renumbers — not row-local.</summary>
[Model]
public partial class ShardTrend
{
    [Data] public required int[] Y;

    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(Y))]
    PoissonLog Count(int i) => new(A + B * (i / 1000.0));
}

/// <summary>An autoregression on the previous row: X[i − 1] — not row-local.</summary>
[Model]
public partial class ShardLagged
{
    [Data] public required double[] Y;

    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    Normal Level(int i) => new(i == 0 ? A : A + B * Y[i - 1], Sigma);
}

/// <summary>The first row as a baseline and the per-observation length: not row-local (twice).</summary>
[Model]
public partial class ShardBaseline
{
    [Data] public required double[] Y;

    [Param] public double A;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    Normal Level(int i) => new(A + Y[0], Sigma);
}

/// <summary>Per-observation group codes into a lookup table that every rank holds whole: row-local.</summary>
[Model]
public partial class ShardLookup
{
    [Data] public required int[] Group;
    [Data] public required double[] Offsets;
    [Data] public required double[] Y;

    [Param] public double[] Mu = [];
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    Normal Level(int i) => new(Mu[Group[i]] + Offsets[Group[i]], Sigma);
}

/// <summary>Deterministic data for the cluster models, whole or as one rank's shard.</summary>
internal static class ClusterData
{
    public const int LogisticColumns = 4;

    public static ShardLogistic Logistic(int n, long start = 0, int count = -1)
    {
        count = count < 0 ? n : count;
        var random = new Random(11);
        var x = new double[count, LogisticColumns];
        var y = new int[count];
        for (long i = 0; i < start + count; i++)
        {
            double eta = 0.2;
            var row = new double[LogisticColumns];
            for (int j = 0; j < LogisticColumns; j++)
            {
                row[j] = (random.NextDouble() * 2) - 1;
                eta += (j % 2 == 0 ? 0.6 : -0.3) * row[j];
            }

            int label = random.NextDouble() < 1 / (1 + Math.Exp(-eta)) ? 1 : 0;
            if (i >= start)
            {
                for (int j = 0; j < LogisticColumns; j++)
                {
                    x[i - start, j] = row[j];
                }

                y[i - start] = label;
            }
        }

        return new ShardLogistic { X = x, Y = y, Beta = new double[LogisticColumns] };
    }

    public static ShardPoisson Poisson(int n, long start = 0, int count = -1)
    {
        count = count < 0 ? n : count;
        var random = new Random(12);
        var x = new double[count];
        var y = new int[count];
        for (long i = 0; i < start + count; i++)
        {
            double xi = random.NextDouble();
            int yi = Sample(random, Math.Exp(0.5 + (1.2 * xi)));
            if (i >= start)
            {
                x[i - start] = xi;
                y[i - start] = yi;
            }
        }

        return new ShardPoisson { X = x, Y = y };
    }

    /// <summary>Rows [levels.Start, +Count) of the Normal term and [counts.Start, +Count) of the count term.</summary>
    public static ShardTwoTerms TwoTerms(int levelRows, int countRows, (long Start, int Count)? levels = null, (long Start, int Count)? counts = null)
    {
        var (ls, lc) = levels ?? (0, levelRows);
        var (cs, cc) = counts ?? (0, countRows);
        var random = new Random(13);
        var x = new double[lc];
        var y = new double[lc];
        for (long i = 0; i < ls + lc; i++)
        {
            double xi = random.NextDouble();
            double yi = 1 + (2 * xi) + (0.5 * (random.NextDouble() - 0.5));
            if (i >= ls)
            {
                x[i - ls] = xi;
                y[i - ls] = yi;
            }
        }

        random = new Random(14);
        var z = new double[cc];
        var k = new int[cc];
        for (long i = 0; i < cs + cc; i++)
        {
            double zi = random.NextDouble();
            int ki = Sample(random, Math.Exp(1 - (2 * zi)));
            if (i >= cs)
            {
                z[i - cs] = zi;
                k[i - cs] = ki;
            }
        }

        return new ShardTwoTerms { X = x, Y = y, Z = z, Counts = k, Sigma = 1 };
    }

    public static ShardLaplace Laplace(int n, long start = 0, int count = -1)
    {
        count = count < 0 ? n : count;
        var random = new Random(15);
        var x = new double[count];
        var y = new double[count];
        for (long i = 0; i < start + count; i++)
        {
            double xi = random.NextDouble();
            double u = random.NextDouble() - 0.5;
            double yi = 2 - xi - (0.3 * Math.Sign(u) * Math.Log(1 - (2 * Math.Abs(u))));
            if (i >= start)
            {
                x[i - start] = xi;
                y[i - start] = yi;
            }
        }

        return new ShardLaplace { X = x, Y = y };
    }

    private static int Sample(Random random, double rate)
    {
        // Knuth's product of uniforms: fine for the small rates used here.
        double limit = Math.Exp(-rate), product = random.NextDouble();
        int k = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            k++;
        }

        return k;
    }
}
