using System;
using System.Linq;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>A weighted negative binomial regression: a row of weight 0 adds exactly nothing, whatever its count.</summary>
[Model]
public partial class WeightedNegativeBinomialModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Y { get; init; }
    [Data] public required double[] W { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Dispersion = 1;

    [Likelihood(nameof(Y), Weights = nameof(W))]
    internal NegativeBinomial Observation(int i) => new(Math.Exp(A + B * x[i]), Dispersion);

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= W[i] * Observation(i).LogDensity(Y[i]);
        }

        return nll;
    }
}

/// <summary>
/// The per-chunk count tables of the negative binomial kernels (log Γ(y + φ) − log Γ(φ), ψ and ψ′ differences read from
/// a table over the chunk's counts when they span at most 256 values and a quarter of the rows): a chunk that uses them
/// gives bit for bit the results of one that computes every row's value, on the scalar path and at widths 4 and 8; a
/// data set whose chunks go both ways matches the oracle and central differences, is bit-identical for 1 and 2
/// threads and allocates nothing.
/// </summary>
public class CountTableTests
{
    private const int Chunk = ChunkedEvaluator.ChunkSize;

    /// <summary>n rows, x in [lo, hi), counts drawn at μ = e^(1 + 1.2x), φ = 2 (Poisson of a gamma rate: MathNet's negative binomial sampler does not return for rates past 745).</summary>
    private static (double[] X, int[] Y) Rows(int n, double lo, double hi, int seed)
    {
        var rng = new Random(seed);
        double[] x = Enumerable.Range(0, n).Select(_ => lo + ((hi - lo) * rng.NextDouble())).ToArray();
        int[] y = x.Select(v => MathNet.Numerics.Distributions.Poisson.Sample(rng, MathNet.Numerics.Distributions.Gamma.Sample(rng, 2, 2 / Math.Exp(1 + (1.2 * v))))).ToArray();
        return (x, y);
    }

    private static int Range(int[] y, int start, int end) => VectorKernels.CountRange(y, start, end, 256, out _);

    private static long[] Bits(params double[][] values) => values.SelectMany(v => v).Select(BitConverter.DoubleToInt64Bits).ToArray();

    /// <summary>NLL, NLL + gradient, observed information and score outer product, as one array of results.</summary>
    private static double[][] Evaluate(IMleModel model, double[] theta)
    {
        int p = theta.Length;
        double[] gradient = new double[p], observed = new double[p * p], meat = new double[p * p];
        double nll = model.NegativeLogLikelihood(theta);
        double fused = model.NegativeLogLikelihood(theta, gradient);
        model.ObservedInformation(theta, observed);
        model.ScoreOuterProduct(theta, meat);
        return [[nll, fused], gradient, observed, meat];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void ATabledChunkEqualsAnUntabledOneBitForBit(int width)
    {
        // One chunk of counts spanning few values (tabled); the same chunk with its last row's count at 100,000 (the range
        // is then too wide: every row computes its own values). That row has weight 0, so it adds exactly 0 either way.
        var (x, y) = Rows(Chunk, -1, 1, seed: 1201);
        double[] w = Enumerable.Repeat(1.0, Chunk).ToArray();
        w[Chunk - 1] = 0;
        int[] wide = (int[])y.Clone();
        wide[Chunk - 1] = 100_000;
        Assert.InRange(Range(y, 0, Chunk), 2, 256);
        Assert.Equal(0, Range(wide, 0, Chunk));

        double[] theta = [0.9, 1.3, 1.7];
        var tabled = VectorPaths.Force(new WeightedNegativeBinomialModel { x = x, Y = y, W = w }, width);
        var untabled = VectorPaths.Force(new WeightedNegativeBinomialModel { x = x, Y = wide, W = w }, width);
        tabled.EvaluationThreads = untabled.EvaluationThreads = 1;
        long[] expected = Bits(Evaluate(untabled, theta));
        long[] actual = Bits(Evaluate(tabled, theta));
        Assert.Equal(width, VectorPaths.LastWidth(tabled));
        Assert.Equal(expected, actual);
    }

    /// <summary>Chunk 0 tabled, chunk 1 not (counts up to the hundreds), chunk 2 (1,001 rows and a remainder) tabled.</summary>
    private static WeightedNegativeBinomialModel Mixed()
    {
        var first = Rows(Chunk, -1, 1, seed: 1202);
        var second = Rows(Chunk, 2, 4, seed: 1203);
        var third = Rows(1001, -1, 0, seed: 1204);
        int[] y = [.. first.Y, .. second.Y, .. third.Y];
        Assert.True(Range(y, 0, Chunk) > 0, "chunk 0 is tabled");
        Assert.Equal(0, Range(y, Chunk, 2 * Chunk));
        Assert.True(Range(y, 2 * Chunk, y.Length) > 0, "chunk 2 is tabled");
        double[] w = Enumerable.Range(0, y.Length).Select(i => 0.5 + (i % 3 * 0.25)).ToArray();
        return new WeightedNegativeBinomialModel { x = [.. first.X, .. second.X, .. third.X], Y = y, W = w };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void ChunksWithAndWithoutTablesMatchTheOracleAndDifferences(int width)
    {
        var model = VectorPaths.Force(Mixed(), width);
        double[] theta = [0.9, 1.3, 1.7];
        ModelChecker.CheckOracle(model, theta);
        ModelChecker.CheckGradient(model, theta);
        ModelChecker.CheckObservedInformation(model, theta);
        Assert.Equal(width, VectorPaths.LastWidth(model));
    }

    [Fact]
    public void BitIdenticalForOneAndTwoThreadsAndAllocationFree()
    {
        IMleModel model = Mixed();
        double[] theta = [0.9, 1.3, 1.7];
        double[] gradient = new double[theta.Length];
        foreach (int width in VectorPaths.All)
        {
            VectorPaths.Force(model, width);
            model.EvaluationThreads = 1;
            long[] one = Bits(Evaluate(model, theta));
            model.EvaluationThreads = 2;
            long[] two = Bits(Evaluate(model, theta));
            Assert.Equal(one, two);

            model.EvaluationThreads = 1;
            model.NegativeLogLikelihood(theta, gradient);
            Assert.Equal(0, AllocationProbe.Fewest(() => model.NegativeLogLikelihood(theta, gradient)));
            Assert.Equal(0, AllocationProbe.Fewest(() => model.NegativeLogLikelihood(theta)));
        }
    }

    [Fact]
    public void CountRangeIsTheSpanOfTheCountsWhenATablePays()
    {
        // 47 rows of 5..9 with a 3 among the vector blocks and a 12 in the scalar tail: 10 values over 47 rows.
        int[] counts = [.. Enumerable.Range(0, 47).Select(i => 5 + (i % 5))];
        counts[13] = 3;
        counts[46] = 12;
        Assert.Equal(10, VectorKernels.CountRange(counts, 0, counts.Length, 256, out int min));
        Assert.Equal(3, min);
        Assert.Equal(0, VectorKernels.CountRange(counts, 0, counts.Length, 9, out min)); // more than the table holds
        Assert.Equal(0, min);
        Assert.Equal(0, VectorKernels.CountRange(counts, 10, 36, 256, out _)); // 3..9, 7 values over 26 rows: more than a quarter
        Assert.Equal(0, VectorKernels.CountRange(counts, 5, 5, 256, out _)); // no rows
        Assert.Equal(0, VectorKernels.CountRange(counts, 2, 3, 256, out _)); // one row: fewer than 4 rows an entry
        int[] extremes = [.. Enumerable.Repeat(0, 40), int.MinValue, int.MaxValue];
        Assert.Equal(0, VectorKernels.CountRange(extremes, 0, extremes.Length, 256, out _)); // no overflow of max − min
        Assert.Equal(1, VectorKernels.CountRange(extremes, 0, 40, 256, out min));
        Assert.Equal(0, min);
    }
}
