using System;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/MleGen.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/MleGen.Benchmarks -- --fit-report [logistic|poisson|mixture ...]
if (args.Length > 0 && args[0] == "--fit-report")
{
    MleGen.Benchmarks.FitReport.Run(args.AsSpan(1));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MleGen.Benchmarks.LogisticBenchmarks).Assembly).Run(args);
