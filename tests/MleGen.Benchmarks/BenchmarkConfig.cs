using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace MleGen.Benchmarks;

/// <summary>A short job (the data sets are large, each call takes milliseconds) with allocation counts.</summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(6).WithLaunchCount(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}

/// <summary>
/// A job for whole fits (seconds each): one process, one warm-up and five measured fits, each fit
/// invoked once (no pilot stage or unrolling), with allocation counts.
/// </summary>
public sealed class FitRunConfig : ManualConfig
{
    public FitRunConfig()
    {
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(5).WithLaunchCount(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
