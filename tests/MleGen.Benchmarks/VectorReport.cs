using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.Intrinsics;

namespace MleGen.Benchmarks;

/// <summary>
/// A quick interleaved timing of <see cref="VectorKernelBenchmarks"/>' cases (medians of 11 rounds after a warm-up, each round running
/// the hand kernel and the four generated variants once: scalar, the machine's width, width 4, 2 threads): <c>dotnet run -c Release --project tests/MleGen.Benchmarks -- --vector-report</c>.
/// For a loaded machine where BenchmarkDotNet's per-benchmark processes take too long; the ratios are the point
/// (one-thread variants in thread CPU time, see <see cref="Median"/>).
/// </summary>
internal static class VectorReport
{
    /// <summary>Times every model, or those whose names start with one of <paramref name="only"/>.</summary>
    public static void Run(string[] only)
    {
        Console.WriteLine($"Vector512 accelerated: {Vector512.IsHardwareAccelerated}, Vector256: {Vector256.IsHardwareAccelerated}, default width {VectorKernels.DefaultWidth}, FMA {System.Runtime.Intrinsics.X86.Fma.IsSupported}");
        Console.WriteLine($"| model | hand Vector256+FMA | generated scalar, 1 thread | generated vector (width {VectorKernels.DefaultWidth}), 1 thread | generated / hand | generated width 4 (Vector256), 1 thread | width 4 / hand | generated vector, 2 threads | 1 → 2 threads |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (string model in new[] { "Logistic 1e6×20", "Poisson 1e6×10", "Linear 1e6×10+σ", "NegativeBinomial 1e6×10", "Mixture K=3 1e5" })
        {
            if (only.Length > 0 && !only.Any(o => model.StartsWith(o, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var b = new VectorKernelBenchmarks { Model = model };
            b.Setup();
            Func<double>[] variants = [b.Hand, b.GeneratedScalar, b.GeneratedVector, b.GeneratedVectorWidth4, b.GeneratedVectorTwoThreads];
            double[] m = Median(variants, 4);
            Console.WriteLine($"| {model} | {m[0]:F1} ms | {m[1]:F1} ms | {m[2]:F1} ms | {m[2] / m[0]:F2}× | {m[3]:F1} ms | {m[3] / m[0]:F2}× | {m[4]:F1} ms | {m[2] / m[4]:F2}× |");
        }

        if (only.Length == 0)
        {
            RunInformation();
        }
    }

    /// <summary>The information rows alone: <c>-- --vector-report information</c> (<c>information logistic</c>: the logistic rows only).</summary>
    public static void RunInformation(bool negativeBinomial = true)
    {
        var info = new InformationBenchmarks();
        info.Setup();
        double[] t = Median([info.Hand, info.GeneratedScalar, info.GeneratedVector, info.GeneratedVectorWidth4, info.GeneratedVectorTwoThreads, info.GeneratedScoreOuterProduct, info.GeneratedScoreOuterProductScalar, info.GeneratedScoreOuterProductWidth4], 4);
        Console.WriteLine($"| Logistic 1e6×20 observed information (hand: blocked XᵀWX) | {t[0]:F1} ms | {t[1]:F1} ms | {t[2]:F1} ms | {t[2] / t[0]:F2}× | {t[3]:F1} ms | {t[3] / t[0]:F2}× | {t[4]:F1} ms | {t[2] / t[4]:F2}× |");
        Console.WriteLine($"| Logistic 1e6×20 score outer product, 1 thread (the same O(np²) shape) | {t[0]:F1} ms | {t[6]:F1} ms | {t[5]:F1} ms | {t[5] / t[0]:F2}× | {t[7]:F1} ms | {t[7] / t[0]:F2}× | | |");
        info = null!;
        GC.Collect();
        if (negativeBinomial)
        {
            RunNegativeBinomialInformation();
        }
    }

    /// <summary>The negative binomial's information rows alone: <c>-- --vector-report nb-information</c>.</summary>
    public static void RunNegativeBinomialInformation()
    {
        var nb = new NegativeBinomialInformationBenchmarks();
        nb.Setup();
        double[] u = Median([nb.ObservedScalar, nb.ObservedVector, nb.ObservedVectorTwoThreads, nb.ExpectedScalar, nb.ExpectedVector, nb.ExpectedVectorWidth4], 2);
        Console.WriteLine($"| NegativeBinomial 1e6×10+φ observed information (no hand kernel) | | {u[0]:F1} ms | {u[1]:F1} ms | scalar / vector {u[0] / u[1]:F2}× | | | {u[2]:F1} ms | {u[1] / u[2]:F2}× |");
        Console.WriteLine($"| NegativeBinomial 1e6×10+φ expected information, 1 thread (no hand kernel) | | {u[3]:F1} ms | {u[4]:F1} ms | scalar / vector {u[3] / u[4]:F2}× | {u[5]:F1} ms | scalar / width 4 {u[3] / u[5]:F2}× | | |");
        double[] v = Median([nb.DispersionEntryScalar, nb.DispersionEntryWidth8, nb.DispersionEntryWidth4]);
        Console.WriteLine($"| its φφ entry alone, E[ψ′(φ) − ψ′(Y + φ)] − μ/(φ(φ + μ)) at the 1e6 means | | {v[0]:F1} ms | {v[1]:F1} ms | scalar / vector {v[0] / v[1]:F2}× | {v[2]:F1} ms | scalar / width 4 {v[0] / v[2]:F2}× | | |");
    }

    /// <summary>
    /// Beta regression, n = 200,000, p = 5, NLL + gradient (log Γ and ψ of μφ and (1 − μ)φ per observation): the scalar
    /// kernel, width 4 and width 8, one thread, interleaved: <c>-- --vector-report beta</c>. No hand kernel.
    /// </summary>
    public static void RunBetaRegression()
    {
        Console.WriteLine($"Vector512 accelerated: {Vector512.IsHardwareAccelerated}, default width {VectorKernels.DefaultWidth}, FMA {System.Runtime.Intrinsics.X86.Fma.IsSupported}");
        const int N = 200_000, P = 5;
        (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 11);
        double[] y = SyntheticData.Beta(x, beta, precision: 20, seed: 12);

        IMleModel model = new BetaRegressionModel { X = x, Y = y, Beta = new double[P], Precision = 20 };
        double[] theta = [.. beta.Select(v => 0.45 * v), 18];
        double[] gradient = new double[theta.Length];
        var evaluator = (ChunkedEvaluator)model.GetType().GetProperty("__Evaluator", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(model)!;
        model.EvaluationThreads = 1;
        double Run(int width)
        {
            evaluator.ForcedVectorWidth = width;
            return model.NegativeLogLikelihood(theta, gradient);
        }

        double[] t = Median([() => Run(1), () => Run(4), () => Run(8)]);
        Console.WriteLine($"| Beta regression 2e5×5+φ NLL + gradient, 1 thread | scalar {t[0]:F2} ms | width 4 {t[1]:F2} ms ({t[0] / t[1]:F2}×) | width 8 {t[2]:F2} ms ({t[0] / t[2]:F2}×) |");
    }

    /// <summary>
    /// Medians of 11 interleaved rounds. Each variant is first called 40 times (at least 3 calls and 1 s, at most 4 s
    /// unless 3 calls take longer): past tiering — a method with loops is promoted to Tier1 after 30 calls and until then
    /// runs its on-stack-replaced code; the slow scalar variants may stay short of it. Each timing repeats a call that
    /// takes less than 20 ms until about 20 ms have passed (the mixture's 1 ms calls). The variants named in
    /// <paramref name="wallClock"/> (the 2-thread ones) are timed by the wall clock; the others by the calling thread's
    /// CPU time where the OS reports it (Linux), so the time the thread spends descheduled on a loaded machine does not
    /// count.
    /// </summary>
    public static double[] Median(Func<double>[] variants, params int[] wallClock)
    {
        int[] repeats = new int[variants.Length];
        for (int k = 0; k < variants.Length; k++)
        {
            var warm = Stopwatch.StartNew();
            int calls = 0;
            while (calls < 3 || (calls < 40 && warm.Elapsed.TotalSeconds < 4) || warm.Elapsed.TotalSeconds < 1)
            {
                variants[k]();
                calls++;
            }

            repeats[k] = Math.Max(1, (int)(20 / (warm.Elapsed.TotalMilliseconds / calls)));
        }

        const int Rounds = 11;
        var times = variants.Select(_ => new double[Rounds]).ToArray();
        for (int round = 0; round < Rounds; round++)
        {
            for (int k = 0; k < variants.Length; k++)
            {
                bool wall = wallClock.Contains(k) || !ThreadClock.Available;
                double cpu = wall ? 0 : ThreadClock.Milliseconds();
                var sw = Stopwatch.StartNew();
                for (int r = 0; r < repeats[k]; r++)
                {
                    variants[k]();
                }

                times[k][round] = (wall ? sw.Elapsed.TotalMilliseconds : ThreadClock.Milliseconds() - cpu) / repeats[k];
            }
        }

        return times.Select(t => t.OrderBy(x => x).ElementAt(Rounds / 2)).ToArray();
    }

    /// <summary>The calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).</summary>
    private static class ThreadClock
    {
        public static readonly bool Available = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

        public static double Milliseconds()
        {
            return clock_gettime(3, out TimeSpec t) == 0 ? (t.Seconds * 1e3) + (t.Nanoseconds * 1e-6) : double.NaN;
        }

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
