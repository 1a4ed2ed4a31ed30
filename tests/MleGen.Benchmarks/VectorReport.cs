using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.Intrinsics;

namespace MleGen.Benchmarks;

/// <summary>
/// A quick interleaved timing of <see cref="VectorKernelBenchmarks"/>' cases (medians of 7 rounds, each round running
/// the hand kernel and the three generated variants once): <c>dotnet run -c Release --project tests/MleGen.Benchmarks -- --vector-report</c>.
/// For a loaded machine where BenchmarkDotNet's per-benchmark processes take too long; the ratios are the point.
/// </summary>
internal static class VectorReport
{
    /// <summary>Times every model, or those whose names start with one of <paramref name="only"/>.</summary>
    public static void Run(string[] only)
    {
        Console.WriteLine($"Vector512 accelerated: {Vector512.IsHardwareAccelerated}, Vector256: {Vector256.IsHardwareAccelerated}, default width {VectorKernels.DefaultWidth}, FMA {System.Runtime.Intrinsics.X86.Fma.IsSupported}");
        Console.WriteLine("| model | hand Vector256+FMA | generated scalar, 1 thread | generated vector, 1 thread | generated / hand | generated vector, 2 threads | 1 → 2 threads |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (string model in new[] { "Logistic 1e6×20", "Poisson 1e6×10", "Linear 1e6×10+σ", "NegativeBinomial 1e6×10", "Mixture K=3 1e5" })
        {
            if (only.Length > 0 && !only.Any(o => model.StartsWith(o, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var b = new VectorKernelBenchmarks { Model = model };
            b.Setup();
            Func<double>[] variants = [b.Hand, b.GeneratedScalar, b.GeneratedVector, b.GeneratedVectorTwoThreads];
            var times = variants.Select(_ => new double[7]).ToArray();
            foreach (var v in variants)
            {
                v();
            }

            for (int round = 0; round < 7; round++)
            {
                for (int k = 0; k < variants.Length; k++)
                {
                    var sw = Stopwatch.StartNew();
                    variants[k]();
                    times[k][round] = sw.Elapsed.TotalMilliseconds;
                }
            }

            double[] m = times.Select(t => t.OrderBy(x => x).ElementAt(3)).ToArray();
            Console.WriteLine($"| {model} | {m[0]:F1} ms | {m[1]:F1} ms | {m[2]:F1} ms | {m[2] / m[0]:F2}× | {m[3]:F1} ms | {m[2] / m[3]:F2}× |");
        }

        RunInformation();
    }

    /// <summary>The information row alone: <c>-- --vector-report information</c>.</summary>
    public static void RunInformation()
    {
        var info = new InformationBenchmarks();
        info.Setup();
        double[] t = Median([info.Hand, info.GeneratedScalar, info.GeneratedVector, info.GeneratedVectorTwoThreads, info.GeneratedScoreOuterProduct, info.GeneratedScoreOuterProductScalar]);
        Console.WriteLine($"| Logistic 1e6×20 observed information (hand: blocked XᵀWX) | {t[0]:F1} ms | {t[1]:F1} ms | {t[2]:F1} ms | {t[2] / t[0]:F2}× | {t[3]:F1} ms | {t[2] / t[3]:F2}× |");
        Console.WriteLine($"| Logistic 1e6×20 score outer product, 1 thread (the same O(np²) shape) | {t[0]:F1} ms | {t[5]:F1} ms | {t[4]:F1} ms | {t[4] / t[0]:F2}× | | |");
        info = null!;
        GC.Collect();
        var nb = new NegativeBinomialInformationBenchmarks();
        nb.Setup();
        double[] u = Median([nb.ObservedScalar, nb.ObservedVector, nb.ObservedVectorTwoThreads, nb.ExpectedVector]);
        Console.WriteLine($"| NegativeBinomial 1e6×10+φ observed information (no hand kernel) | | {u[0]:F1} ms | {u[1]:F1} ms | scalar / vector {u[0] / u[1]:F2}× | {u[2]:F1} ms | {u[1] / u[2]:F2}× |");
        Console.WriteLine($"| NegativeBinomial 1e6×10+φ expected information, vector, 1 thread | | | {u[3]:F1} ms | | | |");
    }

    /// <summary>Medians of 7 interleaved rounds, after one warm-up call each.</summary>
    public static double[] Median(Func<double>[] variants)
    {
        var times = variants.Select(_ => new double[7]).ToArray();
        foreach (var v in variants)
        {
            v();
        }

        for (int round = 0; round < 7; round++)
        {
            for (int k = 0; k < variants.Length; k++)
            {
                var sw = Stopwatch.StartNew();
                variants[k]();
                times[k][round] = sw.Elapsed.TotalMilliseconds;
            }
        }

        return times.Select(t => t.OrderBy(x => x).ElementAt(3)).ToArray();
    }
}
