using System;
using MleGen;
using MleGen.Mpi;
using MleGen.Tests.Cluster;

// mpirun -np N dotnet MleGen.Mpi.TestApp.dll fit DIR   → one line per model: "RANK r model N=n bits"
// mpirun -np N dotnet MleGen.Mpi.TestApp.dll fail DIR  → a fit with bad data on rank 1, then one whose last
//                                                       rank throws between evaluations; each rank reports
//                                                       the error it got and exits with 3
// Each rank writes its lines to DIR/rank{r}.txt (mpirun's forwarded stdout can split long lines of
// different ranks into each other).
using var cluster = MpiCluster.Start(ref args);
string mode = args.Length > 0 ? args[0] : "fit";
using var report = new System.IO.StreamWriter(System.IO.Path.Combine(args.Length > 1 ? args[1] : ".", $"rank{cluster.Rank}.txt"));
try
{
    if (mode == "fit")
    {
        foreach (var (model, bits) in FitBits.FitAll(cluster, MpiTestSizes.LogisticRows, MpiTestSizes.PoissonRows, MpiTestSizes.LevelRows, MpiTestSizes.CountRows))
        {
            report.WriteLine($"RANK {cluster.Rank} {model} N={bits.ObservationCount} {bits.Bits}");
        }

        return 0;
    }

    Report("bad-data", () =>
    {
        var (start, count) = cluster.ShardRange(MpiTestSizes.LogisticRows);
        var shard = ClusterData.Logistic(MpiTestSizes.LogisticRows, start, count);
        if (cluster.Rank == 1)
        {
            shard.Y[5] = 7;
        }

        shard.Fit(new FitOptions { Cluster = cluster, Threads = 1 });
    });
    Report("progress", () =>
    {
        var (start, count) = cluster.ShardRange(MpiTestSizes.LogisticRows);
        var shard = ClusterData.Logistic(MpiTestSizes.LogisticRows, start, count);
        var progress = new Progress(cluster.Rank == cluster.Size - 1);
        shard.Fit(new FitOptions { Cluster = cluster, Threads = 1, Progress = progress });
    });
    return 3;
}
catch (Exception ex)
{
    report.WriteLine($"RANK {cluster.Rank} UNEXPECTED {ex}");
    return 4;
}

void Report(string scenario, Action fit)
{
    try
    {
        fit();
        report.WriteLine($"RANK {cluster.Rank} {scenario} SUCCEEDED");
    }
    catch (ClusterException ex)
    {
        report.WriteLine($"RANK {cluster.Rank} {scenario} FAILED {ex.Message}");
    }
}

/// <summary>A progress sink that throws at iteration 2 on one rank: an exception outside any evaluation.</summary>
internal sealed class Progress(bool breaks) : IProgress<FitProgress>
{
    public void Report(FitProgress value)
    {
        if (breaks && value.Iteration >= 2)
        {
            throw new InvalidOperationException("progress sink broke at iteration " + value.Iteration);
        }
    }
}
