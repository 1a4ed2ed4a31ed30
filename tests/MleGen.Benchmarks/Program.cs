using System;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/MleGen.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/MleGen.Benchmarks -- --vector-report [information [logistic] | nb-information | beta | NegativeBinomial ...]   (generated vector kernels vs hand SIMD, quick; optionally only the information rows, the negative binomial's, the beta regression widths, or the models whose names start so)
// dotnet run -c Release --project tests/MleGen.Benchmarks -- --fit-report [logistic|poisson|mixture ...]
// dotnet run -c Release --project tests/MleGen.Benchmarks -- --tiering-report [fit] [Logistic ...]   (first calls / first fits in fresh processes, JIT tiering on and off)
// dotnet run -c Release --project tests/MleGen.Benchmarks -- --cost-models DIR   (writes the 50 models of AnalyzerCost/measure.sh)
if (args.Length == 2 && args[0] == "--cost-models")
{
    MleGen.Benchmarks.AnalyzerCost.CostModels.Write(args[1]);
    return;
}

if (args.Length > 0 && args[0] == "--vector-report")
{
    if (args.Length > 1 && args[1] == "information")
    {
        Console.WriteLine($"Vector512 accelerated: {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, default width {MleGen.VectorKernels.DefaultWidth}, FMA {System.Runtime.Intrinsics.X86.Fma.IsSupported}");
        MleGen.Benchmarks.VectorReport.RunInformation(negativeBinomial: args.Length < 3 || args[2] != "logistic");
        return;
    }

    if (args.Length > 1 && args[1] == "beta")
    {
        MleGen.Benchmarks.VectorReport.RunBetaRegression();
        return;
    }

    if (args.Length > 1 && args[1] == "nb-information")
    {
        Console.WriteLine($"Vector512 accelerated: {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, default width {MleGen.VectorKernels.DefaultWidth}, FMA {System.Runtime.Intrinsics.X86.Fma.IsSupported}");
        MleGen.Benchmarks.VectorReport.RunNegativeBinomialInformation();
        return;
    }

    MleGen.Benchmarks.VectorReport.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "--tiering-report")
{
    MleGen.Benchmarks.TieringReport.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "--fit-report")
{
    MleGen.Benchmarks.FitReport.Run(args.AsSpan(1));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MleGen.Benchmarks.LogisticBenchmarks).Assembly).Run(args);
