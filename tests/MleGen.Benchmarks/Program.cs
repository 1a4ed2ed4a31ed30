using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/MleGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(MleGen.Benchmarks.LogisticBenchmarks).Assembly).Run(args);
