using System;
using Xunit;

namespace MleGen.Tests.Evaluation;

/// <summary>
/// Chunked, parallel evaluation: the results are bit-identical for 1, 2 or N threads (fixed chunks,
/// fixed reduction order), agree with a plain sequential sum, and allocate nothing per call.
/// </summary>
public class ParallelEvaluationTests
{
    private static BigLogistic Logistic(int n, int p, int seed)
    {
        var random = new Random(seed);
        var x = new double[n, p];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            double eta = 0.3;
            for (int j = 0; j < p; j++)
            {
                x[i, j] = random.NextDouble() * 2 - 1;
                eta += (j % 2 == 0 ? 0.5 : -0.25) * x[i, j];
            }

            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-eta)) ? 1 : 0;
        }

        return new BigLogistic { X = x, Y = y, Intercept = 0.1, Beta = new double[p] };
    }

    private static BigTwoTerms TwoTerms(int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var counts = new int[n + n / 3];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.NextDouble();
            y[i] = 1 + 2 * x[i] + random.NextDouble();
        }

        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = random.Next(0, 5);
        }

        return new BigTwoTerms { X = x, Y = y, Counts = counts, A = 0.2, B = 0.4, Sigma = 0.7 };
    }

    private static (double Value, double[] Gradient, double[] Observed, double[] Expected, double[] Meat) EvaluateAll(IMleModel model, int threads)
    {
        model.EvaluationThreads = threads;
        int p = model.ParameterCount;
        var theta = new double[p];
        model.ReadParameters(theta);
        for (int k = 0; k < p; k++)
        {
            theta[k] += 0.01 * (k + 1);
        }

        var gradient = new double[p];
        var observed = new double[p * p];
        var expected = new double[p * p];
        var meat = new double[p * p];
        double value = model.NegativeLogLikelihood(theta, gradient);
        Assert.Equal(value, model.NegativeLogLikelihood(theta));
        model.ObservedInformation(theta, observed);
        model.ExpectedInformation(theta, expected);
        model.ScoreOuterProduct(theta, meat);
        return (value, gradient, observed, expected, meat);
    }

    public static TheoryData<string> Models => new() { "logistic", "two-terms" };

    private static IMleModel Create(string name) => name == "logistic" ? Logistic(100_000, 6, 1) : TwoTerms(60_000, 2);

    [Theory]
    [MemberData(nameof(Models))]
    public void ResultsAreBitIdenticalForAnyThreadCount(string name)
    {
        var model = Create(name);
        Assert.True(model.ObservationCount >= ChunkedEvaluator.ParallelThreshold);
        var one = EvaluateAll(model, 1);
        foreach (int threads in new[] { 2, 3, 8, 0 })
        {
            var many = EvaluateAll(model, threads);
            Assert.Equal(one.Value, many.Value);
            Assert.Equal(one.Gradient, many.Gradient);
            Assert.Equal(one.Observed, many.Observed);
            Assert.Equal(one.Expected, many.Expected);
            Assert.Equal(one.Meat, many.Meat);
        }
    }

    [Fact]
    public void ChunkedSumAgreesWithAPlainSequentialSum()
    {
        var model = Logistic(50_000, 4, 3);
        int p = ((IMleModel)model).ParameterCount;
        var theta = new double[p];
        ((IMleModel)model).ReadParameters(theta);
        double chunked = ((IMleModel)model).NegativeLogLikelihood(theta);

        // The oracle: the user's own method, summed in one sequential loop.
        double plain = 0;
        for (int i = 0; i < model.Y.Length; i++)
        {
            double eta = model.Intercept;
            for (int j = 0; j < model.Beta.Length; j++)
            {
                eta += model.Beta[j] * model.X[i, j];
            }

            plain -= new BernoulliLogit(eta).LogDensity(model.Y[i]);
        }

        Assert.Equal(plain, chunked, plain * 1e-12);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ParallelEvaluationAllocatesNothingPerCall(string name)
    {
        var model = Create(name);
        model.EvaluationThreads = 0;
        int p = model.ParameterCount;
        var theta = new double[p];
        model.ReadParameters(theta);
        var gradient = new double[p];
        var matrix = new double[p * p];

        void Run()
        {
            model.NegativeLogLikelihood(theta);
            model.NegativeLogLikelihood(theta, gradient);
            model.ObservedInformation(theta, matrix);
            model.ExpectedInformation(theta, matrix);
            model.ScoreOuterProduct(theta, matrix);
        }

        // Warm-up: the first calls size the workspaces, and the pool's wait handle is created lazily
        // the first time the caller has to block for a worker.
        for (int warmUp = 0; warmUp < 5; warmUp++)
        {
            Run();
        }

        Assert.Equal(0, AllocationProbe.Fewest(Run));
    }

    [Fact]
    public void FitOptionsThreadsReachTheModelAndDoNotChangeTheFit()
    {
        var one = Logistic(40_000, 3, 5);
        var all = Logistic(40_000, 3, 5);
        var fitOne = one.Fit(new FitOptions { Threads = 1 });
        var fitAll = all.Fit(new FitOptions { Threads = 0 });
        Assert.Equal(1, one.EvaluationThreads);
        Assert.Equal(0, all.EvaluationThreads);
        Assert.Equal(fitOne.LogLikelihood, fitAll.LogLikelihood);
        Assert.Equal(fitOne["Beta[0]"].Estimate, fitAll["Beta[0]"].Estimate);
    }

    /// <summary>Chunks that different threads run write their outputs at least one cache line (8 doubles) apart, starting on line multiples.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(21 * 21)]
    public void ChunkOutputsNeverShareACacheLine(int width)
    {
        int stride = ChunkedEvaluator.Stride(width);
        Assert.Equal(0, stride % 8);
        Assert.True(stride >= width + 8, $"stride {stride} for width {width}");
        Assert.Equal(0, ChunkedEvaluator.Stride(0));
    }
}
