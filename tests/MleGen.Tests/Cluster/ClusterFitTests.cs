using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;

namespace MleGen.Tests.Cluster;

/// <summary>
/// Cluster fits over in-process ranks (threads, <see cref="InProcessCluster"/>): for 1 and 3 ranks every
/// rank's result is bit-identical to the one-process fit of all rows — estimates, standard errors of
/// every covariance kind, log-likelihood, n, profile intervals — and a failure on one rank (bad data,
/// an exception in user code, a cancellation, diverging ranks) fails every rank with the same error.
/// The real MPI transport is tested by <c>MpiLaunchTests</c>.
/// </summary>
public class ClusterFitTests
{
    private const int LogisticRows = 30_000;
    private const int PoissonRows = 20_000;
    private const int LevelRows = 17_000;
    private const int CountRows = 13_000;

    /// <summary>1 and 3 ranks here (3: uneven shards); MpiLaunchTests runs 1, 2 and 4 under mpirun.</summary>
    public static TheoryData<int> RankCounts => new() { 1, 3 };

    [Theory]
    [MemberData(nameof(RankCounts))]
    public void Logistic_fit_is_bit_identical_to_one_process(int ranks)
    {
        var whole = ClusterData.Logistic(LogisticRows);
        FitBits expected = FitBits.Of(whole.Fit(), profile: "Beta[1]");
        var outcomes = InProcessCluster.Run(ranks, cluster =>
        {
            var (start, count) = cluster.ShardRange(LogisticRows);
            var shard = ClusterData.Logistic(LogisticRows, start, count);
            return FitBits.Of(shard.Fit(new FitOptions { Cluster = cluster }), profile: "Beta[1]");
        });
        AssertAllEqual(expected, outcomes);
    }

    [Theory]
    [MemberData(nameof(RankCounts))]
    public void Poisson_fit_with_a_data_constant_is_bit_identical_with_Newton(int ranks)
    {
        var whole = ClusterData.Poisson(PoissonRows);
        var options = new FitOptions { Method = FitMethod.Newton };
        FitBits expected = FitBits.Of(whole.Fit(options), profile: "B");
        var outcomes = InProcessCluster.Run(ranks, cluster =>
        {
            var (start, count) = cluster.ShardRange(PoissonRows);
            var shard = ClusterData.Poisson(PoissonRows, start, count);
            return FitBits.Of(shard.Fit(new FitOptions { Method = FitMethod.Newton, Cluster = cluster }), profile: "B");
        });
        AssertAllEqual(expected, outcomes);
    }

    [Theory]
    [MemberData(nameof(RankCounts))]
    public void Two_term_fit_shards_each_term_and_is_bit_identical_with_Fisher_scoring(int ranks)
    {
        var whole = ClusterData.TwoTerms(LevelRows, CountRows);
        var options = new FitOptions { Method = FitMethod.FisherScoring, Covariance = CovarianceKind.Expected };
        FitBits expected = FitBits.Of(whole.Fit(options), profile: "Sigma");
        var outcomes = InProcessCluster.Run(ranks, cluster =>
        {
            var shard = ClusterData.TwoTerms(LevelRows, CountRows, cluster.ShardRange(LevelRows), cluster.ShardRange(CountRows));
            return FitBits.Of(shard.Fit(new FitOptions { Method = FitMethod.FisherScoring, Covariance = CovarianceKind.Expected, Cluster = cluster }), profile: "Sigma");
        });
        AssertAllEqual(expected, outcomes);
    }

    [Fact]
    public void Kinked_fit_through_smoothing_continuation_is_bit_identical()
    {
        const int Rows = 12_500;
        FitBits expected = FitBits.Of(ClusterData.Laplace(Rows).Fit(), profile: null);
        var outcomes = InProcessCluster.Run(2, cluster =>
        {
            var (start, count) = cluster.ShardRange(Rows);
            return FitBits.Of(ClusterData.Laplace(Rows, start, count).Fit(new FitOptions { Cluster = cluster }), profile: null);
        });
        AssertAllEqual(expected, outcomes);
    }

    [Fact]
    public void Shard_ranges_cover_the_rows_in_order_at_chunk_boundaries()
    {
        foreach (int size in new[] { 1, 2, 3, 4, 7 })
        {
            foreach (long rows in new long[] { 0, 1, 4095, 4096, 4097, 30_000, 1_000_000, 10_000_000_000 })
            {
                if (rows / size > int.MaxValue)
                {
                    // A shard must fit one array.
                    Assert.All(InProcessCluster.Run(size, cluster => cluster.ShardRange(rows)), o => Assert.IsType<ArgumentOutOfRangeException>(o.Error));
                    continue;
                }

                var ranges = InProcessCluster.Run(size, cluster => cluster.ShardRange(rows)).Select(o => o.Result).ToArray();
                long next = 0;
                foreach (var (start, count) in ranges)
                {
                    Assert.Equal(next, start);
                    Assert.True(start % ChunkedEvaluator.ChunkSize == 0 || count == 0, $"rank starting at {start} is not chunk-aligned");
                    next = start + count;
                }

                Assert.Equal(rows, next);
                var chunks = ranges.Select(r => (r.Count + ChunkedEvaluator.ChunkSize - 1) / ChunkedEvaluator.ChunkSize).ToArray();
                Assert.True(chunks.Max() - chunks.Min() <= 1, "shards are unbalanced: " + string.Join(", ", chunks));
            }
        }
    }

    [Fact]
    public void Bad_data_in_one_shard_fails_every_rank_with_the_same_error()
    {
        var outcomes = InProcessCluster.Run(3, cluster =>
        {
            var (start, count) = cluster.ShardRange(LogisticRows);
            var shard = ClusterData.Logistic(LogisticRows, start, count);
            if (cluster.Rank == 1)
            {
                shard.X[17, 2] = double.NaN;
            }

            return shard.Fit(new FitOptions { Cluster = cluster });
        });
        string message = AssertSameFailure(outcomes, failedRank: 1);
        Assert.Contains("Rank 1 of 3 failed: ModelDataException", message);
        Assert.Contains("X", message);
        Assert.Contains("17", message);
        Assert.IsType<ModelDataException>(outcomes[1].Error!.InnerException);
    }

    [Fact]
    public void An_exception_in_one_rank_between_evaluations_fails_every_rank()
    {
        // The progress callback throws on rank 2 only, at iteration 3: outside any evaluation, while the
        // other ranks go on into the next one.
        var outcomes = InProcessCluster.Run(4, cluster =>
        {
            var (start, count) = cluster.ShardRange(LogisticRows);
            var shard = ClusterData.Logistic(LogisticRows, start, count);
            var progress = new ThrowingProgress(cluster.Rank == 2 ? 3 : int.MaxValue);
            return shard.Fit(new FitOptions { Cluster = cluster, Progress = progress });
        });
        string message = AssertSameFailure(outcomes, failedRank: 2);
        Assert.Contains("Rank 2 of 4 failed: InvalidOperationException: progress sink broke at iteration 3", message);
    }

    [Fact]
    public void A_cancellation_on_one_rank_cancels_every_rank()
    {
        var outcomes = InProcessCluster.Run(2, cluster =>
        {
            var (start, count) = cluster.ShardRange(LogisticRows);
            var shard = ClusterData.Logistic(LogisticRows, start, count);
            using var source = new CancellationTokenSource();
            var progress = new CancellingProgress(cluster.Rank == 0 ? source : null);
            return shard.Fit(new FitOptions { Cluster = cluster, CancellationToken = source.Token, Progress = progress });
        });
        foreach (var (result, error) in outcomes)
        {
            Assert.Null(result);
            var cancelled = Assert.IsAssignableFrom<OperationCanceledException>(error);
            Assert.Equal("The fit was cancelled on rank 0.", cancelled.Message);
        }
    }

    [Fact]
    public void Ranks_with_different_start_values_fail_instead_of_mixing_sums()
    {
        var outcomes = InProcessCluster.Run(2, cluster =>
        {
            var (start, count) = cluster.ShardRange(LogisticRows);
            var shard = ClusterData.Logistic(LogisticRows, start, count);
            shard.Intercept = cluster.Rank == 1 ? 0.5 : 0;
            return shard.Fit(new FitOptions { Cluster = cluster });
        });
        string message = AssertSameFailure(outcomes, failedRank: 1);
        Assert.Contains("parameters or model shape differ from rank 0's", message);
    }

    [Fact]
    public void A_rank_without_rows_is_a_clear_error()
    {
        var outcomes = InProcessCluster.Run(3, cluster =>
        {
            var (start, count) = cluster.ShardRange(5000);
            return ClusterData.Poisson(5000, start, count).Fit(new FitOptions { Cluster = cluster });
        });
        string message = AssertSameFailure(outcomes, failedRank: 2);
        Assert.Contains("holds no observations of likelihood term 0", message);
    }

    /// <summary>
    /// A shard's rows are numbered from 0 on its rank, so a model that uses i as a number, reads another row or reads a
    /// per-observation length would fit something else when sharded: the generated kernel says so and every rank refuses.
    /// </summary>
    [Fact]
    public void A_model_that_is_not_row_local_is_refused_on_every_rank()
    {
        var outcomes = InProcessCluster.Run(2, cluster =>
        {
            var (start, count) = cluster.ShardRange(3 * ChunkedEvaluator.ChunkSize);
            return new ShardTrend { Y = new int[count] }.Fit(new FitOptions { Cluster = cluster });
        });
        string message = AssertSameFailure(outcomes, failedRank: 0);
        Assert.Contains("ShardTrend cannot be fitted over a cluster", message);
        Assert.Contains("likelihood term 'Count' uses the observation index i other than as the row of its data", message);
    }

    [Fact]
    public void Row_locality_is_decided_from_the_models_reads()
    {
        Assert.Null(((IChunkKernel)ClusterData.Logistic(10)).RowLocalityViolation);
        Assert.Null(((IChunkKernel)new ShardLookup { Group = [0], Offsets = [0], Y = [1] }).RowLocalityViolation);
        Assert.Null(((IChunkKernel)new ShardTwoTerms { X = [1], Y = [1], Z = [1], Counts = [1] }).RowLocalityViolation);
        Assert.Contains("uses the observation index i other than as the row", ((IChunkKernel)new ShardTrend { Y = [1] }).RowLocalityViolation);
        Assert.Contains("reads the per-observation data 'Y' at a row other than i", ((IChunkKernel)new ShardLagged { Y = [1] }).RowLocalityViolation);
        Assert.Contains("reads the per-observation data 'Y' at a row other than i", ((IChunkKernel)new ShardBaseline { Y = [1] }).RowLocalityViolation);
    }

    private static void AssertAllEqual(FitBits expected, (FitBits? Result, Exception? Error)[] outcomes)
    {
        for (int r = 0; r < outcomes.Length; r++)
        {
            Assert.Null(outcomes[r].Error);
            Assert.Equal(expected.Bits, outcomes[r].Result!.Bits);
            Assert.Equal(expected.ObservationCount, outcomes[r].Result!.ObservationCount);
        }
    }

    private static string AssertSameFailure<T>((T? Result, Exception? Error)[] outcomes, int failedRank)
    {
        var errors = outcomes.Select(o => Assert.IsType<ClusterException>(o.Error)).ToArray();
        Assert.All(errors, e => Assert.Equal(failedRank, e.FailedRank));
        Assert.All(errors, e => Assert.Equal(errors[0].Message, e.Message));
        return errors[0].Message;
    }

    private sealed class ThrowingProgress(int failAt) : IProgress<FitProgress>
    {
        public void Report(FitProgress value)
        {
            if (value.Iteration >= failAt)
            {
                throw new InvalidOperationException("progress sink broke at iteration " + value.Iteration);
            }
        }
    }

    private sealed class CancellingProgress(CancellationTokenSource? source) : IProgress<FitProgress>
    {
        public void Report(FitProgress value)
        {
            if (value.Iteration >= 2)
            {
                source?.Cancel();
            }
        }
    }
}
