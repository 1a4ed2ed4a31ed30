using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using MleGen.Tests.Fitting.TestModels;
using Xunit;

namespace MleGen.Tests.Concurrency;

/// <summary>
/// One model instance serves one caller at a time: a call from a second thread while another holds the
/// instance is an <see cref="InvalidOperationException"/>, never a wrong answer or a crash inside the
/// evaluator; calls on the holding thread nest; one instance per thread runs in parallel.
/// </summary>
public class ConcurrentUseTests
{
    // Above ChunkedEvaluator.ParallelThreshold, so every evaluation also uses the worker pool.
    private const int N = 40_000;

    [Fact]
    public async Task AnEvaluationWhileAnotherThreadFitsThrowsAndTheFitIsRight()
    {
        var model = Logistic(1);
        FitResult expected = Logistic(1).Fit();
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var progress = new BlockingProgress(inside, release);
        Task<FitResult> fit = Task.Run(() => model.Fit(new FitOptions { Progress = progress }), TestContext.Current.CancellationToken);
        Assert.True(inside.Wait(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken), "the fit never reported progress");

        double[] theta = new double[((IMleModel)model).ParameterCount];
        var e = Assert.Throws<InvalidOperationException>(() => ((IMleModel)model).NegativeLogLikelihood(theta));
        Assert.Contains("in use by another thread", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => ((IMleModel)model).NegativeLogLikelihood(theta, new double[theta.Length]));
        Assert.Throws<InvalidOperationException>(() => ((IMleModel)model).ObservedInformation(theta, new double[theta.Length * theta.Length]));
        Assert.Throws<InvalidOperationException>(() => model.ValidateData());
        Assert.Throws<InvalidOperationException>(() => model.Fit());

        release.Set();
        FitResult result = await fit;
        Assert.Equal(expected.LogLikelihood, result.LogLikelihood, 12);
        Assert.Equal(expected["Beta[0]"].Estimate, result["Beta[0]"].Estimate, 12);

        // Released: the instance serves other threads again.
        Assert.Equal(-result.LogLikelihood, await Task.Run(() => ((IMleModel)model).NegativeLogLikelihood(ParametersOf(model)), TestContext.Current.CancellationToken), 9);
    }

    [Fact]
    public void TheFittingThreadMayEvaluateItsOwnModelFromAProgressCallback()
    {
        var model = Logistic(2);
        var values = new List<double>();
        double[] theta = new double[((IMleModel)model).ParameterCount];
        FitResult fit = model.Fit(new FitOptions { Progress = new InlineProgress(_ => values.Add(((IMleModel)model).NegativeLogLikelihood(theta))) });
        Assert.True(fit.Converged, fit.ConvergenceReason);
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal(values[0], v));
    }

    [Fact]
    public void ConcurrentGradientsOnOneInstanceAreRightOrRefusedNeverWrong()
    {
        var model = Logistic(3);
        var rng = new Random(4);
        var points = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, ((IMleModel)model).ParameterCount).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToList();
        var reference = Logistic(3);
        var expected = points.Select(theta =>
        {
            double[] g = new double[theta.Length];
            double f = ((IMleModel)reference).NegativeLogLikelihood(theta, g);
            return (f, g);
        }).ToList();

        int right = 0, refused = 0;
        var wrong = new ConcurrentBag<string>();
        using var start = new Barrier(4);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            start.SignalAndWait();
            for (int round = 0; round < 3; round++)
            {
                for (int k = 0; k < points.Count; k++)
                {
                    double[] g = new double[points[k].Length];
                    try
                    {
                        double f = ((IMleModel)model).NegativeLogLikelihood(points[k], g);
                        if (f == expected[k].f && g.AsSpan().SequenceEqual(expected[k].g))
                        {
                            Interlocked.Increment(ref right);
                        }
                        else
                        {
                            wrong.Add($"point {k}: {f} vs {expected[k].f}");
                        }
                    }
                    catch (InvalidOperationException)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            }
        });

        Assert.Empty(wrong);
        Assert.Equal(4 * 3 * points.Count, right + refused);
        Assert.True(right > 0);
    }

    [Fact]
    public void ConcurrentFitsOfOneInstanceAreRightOrRefused()
    {
        var model = Logistic(5);
        FitResult expected = Logistic(5).Fit();
        var results = new ConcurrentBag<FitResult>();
        int refused = 0;
        using var start = new Barrier(4);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            start.SignalAndWait();
            try
            {
                // Each fit starts from the same start values (not from another thread's estimates).
                results.Add(model.Fit(new FitOptions { Start = new double[((IMleModel)model).ParameterCount] }));
            }
            catch (InvalidOperationException)
            {
                Interlocked.Increment(ref refused);
            }
        });

        Assert.Equal(4, results.Count + refused);
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(expected.LogLikelihood, r.LogLikelihood, 9));
    }

    [Fact]
    public void OneInstancePerThreadFitsInParallel()
    {
        FitResult expected = Logistic(6).Fit();
        var fits = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(_ => Logistic(6).Fit()).ToList();
        Assert.All(fits, f => Assert.Equal(expected.LogLikelihood, f.LogLikelihood, 12));
    }

    [Fact]
    public async Task HandWrittenModelsAreGuardedByTheFitToo()
    {
        var (_, model) = Fitting.ReferenceModels.OlsCars();
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Task<FitResult> fit = Task.Run(() => ModelFitter.Fit(model, new FitOptions { Progress = new BlockingProgress(inside, release) }), TestContext.Current.CancellationToken);
        Assert.True(inside.Wait(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
        Assert.Throws<InvalidOperationException>(() => ModelFitter.Fit(model));
        release.Set();
        Assert.True((await fit).Converged);
    }

    private static double[] ParametersOf(IMleModel model)
    {
        double[] theta = new double[model.ParameterCount];
        model.ReadParameters(theta);
        return theta;
    }

    private static BernoulliLogitModel Logistic(int seed) => (BernoulliLogitModel)ModelCases.Get("BernoulliLogit").Simulate(N, seed);

    /// <summary>Signals at the first report and blocks the fitting thread until released.</summary>
    private sealed class BlockingProgress(ManualResetEventSlim inside, ManualResetEventSlim release) : IProgress<FitProgress>
    {
        public void Report(FitProgress value)
        {
            if (!inside.IsSet)
            {
                inside.Set();
                release.Wait(TimeSpan.FromMinutes(1));
            }
        }
    }

    private sealed class InlineProgress(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }
}
