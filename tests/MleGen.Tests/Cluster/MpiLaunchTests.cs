using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace MleGen.Tests.Cluster;

/// <summary>
/// Real MPI: <c>mpirun</c> launches <c>MleGen.Mpi.TestApp</c> (Open MPI through MleGen.Mpi's binding)
/// with 1, 2 and 4 ranks; every rank's fits of the three cluster models must carry the bits of the
/// one-process fits computed here. A failing rank must end the job with the same error on every rank,
/// well within the time limit (no hang). Needs Open MPI (<c>.ci/run</c> installs it).
/// </summary>
public class MpiLaunchTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private static readonly Lazy<Dictionary<string, FitBits>> OneProcess = new(() =>
        FitBits.FitAll(null, MpiTestSizes.LogisticRows, MpiTestSizes.PoissonRows, MpiTestSizes.LevelRows, MpiTestSizes.CountRows).ToDictionary(f => f.Model, f => f.Bits));

    public static TheoryData<int> RankCounts => new() { 1, 2, 4 };

    [Theory]
    [MemberData(nameof(RankCounts))]
    public void Every_rank_gets_the_one_process_bits(int ranks)
    {
        var (exitCode, lines, output) = Launch(ranks, "fit");
        Assert.True(exitCode == 0, output);
        foreach (var (model, expected) in OneProcess.Value)
        {
            for (int r = 0; r < ranks; r++)
            {
                string line = Assert.Single(lines, l => l.StartsWith($"RANK {r} {model} ", StringComparison.Ordinal));
                Assert.Equal($"RANK {r} {model} N={expected.ObservationCount} {expected.Bits}", line);
            }
        }
    }

    [Fact]
    public void A_failing_rank_ends_the_job_with_the_same_error_on_every_rank()
    {
        const int Ranks = 3;
        var (exitCode, lines, output) = Launch(Ranks, "fail");
        Assert.True(exitCode != 0, output);
        var expected = new Dictionary<string, string>
        {
            ["bad-data"] = "Rank 1 of 3 failed: ModelDataException: Y[5]: is 7, outside the support of BernoulliLogit",
            ["progress"] = "Rank 2 of 3 failed: InvalidOperationException: progress sink broke at iteration 2",
        };
        foreach (var (scenario, message) in expected)
        {
            var reports = Enumerable.Range(0, Ranks).Select(r => Assert.Single(lines, l => l.StartsWith($"RANK {r} {scenario} ", StringComparison.Ordinal))).ToArray();
            var texts = reports.Select(l => l[(l.IndexOf(scenario, StringComparison.Ordinal) + scenario.Length + 1)..]).ToArray();
            Assert.All(texts, t => Assert.StartsWith("FAILED " + message, t));
            Assert.All(texts, t => Assert.Equal(texts[0], t));
        }

        Assert.DoesNotContain(lines, l => l.Contains("UNEXPECTED", StringComparison.Ordinal));
    }

    private static (int ExitCode, List<string> Lines, string Output) Launch(int ranks, string mode)
    {
        string app = TestAppPath();
        var start = new ProcessStartInfo("mpirun")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string directory = Directory.CreateTempSubdirectory("mlegen-mpi-").FullName;
        foreach (string argument in new[] { "--allow-run-as-root", "--oversubscribe", "-np", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), "dotnet", app, mode, directory })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("mpirun did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"mpirun -np {ranks} {mode} did not finish in {Limit}: the job hung.");
        }

        string output = stdout.Result + stderr.Result;
        var lines = Directory.GetFiles(directory, "rank*.txt").SelectMany(File.ReadAllLines).ToList();
        Directory.Delete(directory, recursive: true);
        return (process.ExitCode, lines, output);
    }

    /// <summary>The test app's dll, built beside this test project in the same configuration.</summary>
    private static string TestAppPath()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = framework.Parent!.Name;
        string tests = framework.Parent.Parent!.Parent!.Parent!.FullName;
        string path = Path.Combine(tests, "MleGen.Mpi.TestApp", "bin", configuration, framework.Name, "MleGen.Mpi.TestApp.dll");
        Assert.True(File.Exists(path), "The MPI test app is not built: " + path);
        return path;
    }
}
