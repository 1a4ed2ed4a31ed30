using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading;

namespace MleGen.Benchmarks;

/// <summary>
/// <c>--tiering-report</c>: what the first calls of a short process cost. A user's fit is a fresh process that calls the
/// NLL + gradient a few dozen times; BenchmarkDotNet's warm-up hides what those calls pay while the JIT's tiering still
/// runs callees (VectorMath, Functions, the optimizer) at Tier0. For each model, kernel (the generated kernel at width
/// 8, 4 or 1, or the hand-written Vector256 kernel) and JIT configuration (environment variables), this starts a fresh
/// process of itself that builds the data (not timed), then times calls 1…30 one by one and a steady state (the median
/// of the last 10 calls after at least 1.5 s and 50 calls), all as the calling thread's CPU time. <c>--tiering-report fit</c> times the first, second and
/// third whole <c>Fit()</c> with standard errors (1 thread) of each fit case in fresh processes the same way.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/MleGen.Benchmarks -- --tiering-report [fit] [Logistic Poisson …] [--widths 8,4,1,hand] [--configs default,tc0,pgo0,qjfl0,delay0] [--repeat 3] [--compare DIR1/MleGen.Benchmarks,DIR2/MleGen.Benchmarks]</c>
/// (<c>--compare</c>: two builds, e.g. copies of bin/Release/net10.0 before and after a change, run alternately, each row
/// the median of <c>--repeat</c> processes).
/// The "JIT" column is the calling thread's JIT time during the call (<see cref="System.Runtime.JitInfo"/>): compiling the
/// kernel itself at its first call, which no attribute removes; background tier-1 compiles are not on the calling thread.
/// </remarks>
internal static class TieringReport
{
    private static readonly string[] Models = ["Logistic", "Poisson", "Linear", "NegativeBinomial", "Mixture"];
    private static readonly int[] Reported = [1, 2, 3, 5, 10, 20, 30];
    private const int TimedCalls = 30;

    /// <summary>The JIT configurations: a name and the environment variables of the child process.</summary>
    private static readonly Dictionary<string, (string Label, (string Name, string Value)[] Environment)> Configs = new()
    {
        ["default"] = ("tiering on (default)", []),
        ["tc0"] = ("TieredCompilation=0", [("DOTNET_TieredCompilation", "0")]),
        ["pgo0"] = ("TieredPGO=0", [("DOTNET_TieredPGO", "0")]),
        ["qjfl0"] = ("TC_QuickJitForLoops=0", [("DOTNET_TC_QuickJitForLoops", "0")]),
        ["delay0"] = ("TC_CallCountingDelayMs=0", [("DOTNET_TC_CallCountingDelayMs", "0")]),
    };

    public static void Run(string[] args)
    {
        if (args.Length >= 3 && args[0] == "--child")
        {
            Child(args[1], args[2]);
            return;
        }

        if (args.Length >= 2 && args[0] == "--fit-child")
        {
            FitChild(args[1]);
            return;
        }

        bool fit = args.Contains("fit");
        string[] widths = Option(args, "--widths", "8,4,1,hand");
        string[] configs = Option(args, "--configs", "default,tc0,pgo0");
        string[] binaries = Option(args, "--compare", Environment.ProcessPath!);
        int repeat = int.Parse(Option(args, "--repeat", "1")[0], CultureInfo.InvariantCulture);
        string[] only = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Where(a => a != "fit").ToArray();

        Console.WriteLine($"{Environment.ProcessorCount} processors, .NET {Environment.Version}, Vector512 accelerated {Vector512.IsHardwareAccelerated}, default width {VectorKernels.DefaultWidth}; load: {Load()}; medians of {repeat} fresh process(es) per row, builds interleaved");
        if (fit)
        {
            RunFits(only, configs, binaries, repeat);
        }
        else
        {
            RunKernels(only, widths, configs, binaries, repeat);
        }

        Console.WriteLine($"load at the end: {Load()}");
    }

    private static void RunKernels(string[] only, string[] widths, string[] configs, string[] binaries, int repeat)
    {
        Console.WriteLine($"| model | kernel | build | JIT configuration | {string.Join(" | ", Reported.Select(k => $"call {k}"))} | steady | calls 2–10 ÷ steady | calls 11–30 ÷ steady | JIT in call 1 |");
        Console.WriteLine($"|---|---|---|---|{string.Concat(Reported.Select(_ => "---|"))}---|---|---|---|");
        foreach (string model in Models.Where(m => only.Length == 0 || only.Any(o => m.StartsWith(o, StringComparison.OrdinalIgnoreCase))))
        {
            foreach (string width in widths)
            {
                var runs = new Dictionary<(string, string), List<double[]>>();
                for (int r = 0; r < repeat; r++)
                {
                    foreach (string config in configs)
                    {
                        foreach (string binary in binaries)
                        {
                            var list = runs.TryGetValue((binary, config), out var l) ? l : runs[(binary, config)] = [];
                            list.Add(Spawn(binary, ["--tiering-report", "--child", model, width], config));
                        }
                    }
                }

                foreach (string config in configs)
                {
                    foreach (string binary in binaries)
                    {
                        double[] m = Medians(runs[(binary, config)]);
                        double steady = m[TimedCalls];
                        string calls = string.Join(" | ", Reported.Select(k => Ms(m[k - 1])));
                        double early = m.Skip(1).Take(9).Average() / steady;
                        double late = m.Skip(10).Take(20).Average() / steady;
                        Console.WriteLine($"| {model} | {(width == "hand" ? "hand Vector256" : $"generated, width {width}")} | {Label(binary)} | {Configs[config].Label} | {calls} | {Ms(steady)} | {early:F2}× | {late:F2}× | {Ms(m[TimedCalls + 1])} |");
                    }
                }
            }
        }
    }

    private static void RunFits(string[] only, string[] configs, string[] binaries, int repeat)
    {
        Console.WriteLine("| fit (1 thread, with SEs) | build | JIT configuration | first fit | second fit | third fit | first ÷ third | JIT time, first fit (all threads) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        string[] cases = [.. Enum.GetNames<FitCase>(), "LogisticMathNet"];
        foreach (string which in cases.Where(m => only.Length == 0 || only.Any(o => m.StartsWith(o, StringComparison.OrdinalIgnoreCase))))
        {
            var runs = new Dictionary<(string, string), List<double[]>>();
            for (int r = 0; r < repeat; r++)
            {
                foreach (string config in configs)
                {
                    foreach (string binary in binaries)
                    {
                        var list = runs.TryGetValue((binary, config), out var l) ? l : runs[(binary, config)] = [];
                        list.Add(Spawn(binary, ["--tiering-report", "--fit-child", which], config));
                    }
                }
            }

            foreach (string config in configs)
            {
                foreach (string binary in binaries)
                {
                    double[] m = Medians(runs[(binary, config)]);
                    Console.WriteLine($"| {(which == "LogisticMathNet" ? "logistic, MathNet L-BFGS + hand SIMD kernel + hand XᵀWX" : which)} | {Label(binary)} | {Configs[config].Label} | {Ms(m[0])} | {Ms(m[1])} | {Ms(m[2])} | {m[0] / m[2]:F2}× | {Ms(m[3])} |");
                }
            }
        }
    }

    private static double[] Medians(List<double[]> runs) =>
        Enumerable.Range(0, runs[0].Length).Select(k => runs.Select(r => r[k]).Order().ElementAt(runs.Count / 2)).ToArray();

    private static string Label(string binary) => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(binary))) ?? binary;

    /// <summary>Times the first <see cref="TimedCalls"/> calls one by one, then the steady state; prints them on one line.</summary>
    private static void Child(string model, string width)
    {
        (IMleModel generated, double[] theta, Func<double[], double[], double> hand) = Build(model);
        double[] gradient = new double[theta.Length];
        Func<double> call;
        if (width == "hand")
        {
            call = () => hand(theta, gradient);
        }
        else
        {
            var evaluator = (ChunkedEvaluator)generated.GetType().GetProperty("__Evaluator", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(generated)!;
            evaluator.ForcedVectorWidth = int.Parse(width, CultureInfo.InvariantCulture);
            generated.EvaluationThreads = 1;
            call = () => generated.NegativeLogLikelihood(theta, gradient);
        }

        var times = new List<double>();
        var compiled = new List<long>();
        double firstJit = 0;
        var total = Stopwatch.StartNew();
        while (times.Count < TimedCalls || times.Count < 50 || total.Elapsed.TotalSeconds < 1.5)
        {
            TimeSpan jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
            double before = ThreadCpuMilliseconds();
            call();
            times.Add(ThreadCpuMilliseconds() - before);
            compiled.Add(System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false));
            if (times.Count == 1)
            {
                firstJit = (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jit).TotalMilliseconds;
            }
        }

        // With DOTNET_JitStdOutFile and DOTNET_JitDisasmSummary=1 the JIT numbers the methods it compiles: the count after
        // each call tells during which call a kernel moved from Tier0 to Tier1 (stderr, so the parent ignores it).
        Console.Error.WriteLine("COMPILED\t" + string.Join("\t", compiled));
        double steady = times.TakeLast(10).Order().ElementAt(5);
        Console.WriteLine("RESULT\t" + string.Join("\t", times.Take(TimedCalls).Append(steady).Append(firstJit).Select(t => t.ToString("R", CultureInfo.InvariantCulture))));
    }

    /// <summary>Times three whole fits with standard errors in this fresh process.</summary>
    private static void FitChild(string which)
    {
        Func<double> fit;
        if (which == "LogisticMathNet")
        {
            var model = (LogisticModel)FitProblemCase.Create(FitCase.Logistic).Model;
            fit = () => MathNetSimdLogisticFit.Run(model.X, model.Y).StandardErrors[0];
        }
        else
        {
            FitProblemCase problem = FitProblemCase.Create(Enum.Parse<FitCase>(which));
            fit = () =>
            {
                FitResult result = ModelFitter.Fit(problem.Model, problem.Options(FitMethod.Auto, threads: 1));
                return result.LogLikelihood + (result.Parameters[0].StandardError ?? double.NaN);
            };
        }

        var times = new double[3];
        double firstJit = 0;
        for (int k = 0; k < times.Length; k++)
        {
            TimeSpan jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
            double before = ThreadCpuMilliseconds();
            double value = fit();
            times[k] = ThreadCpuMilliseconds() - before;
            if (k == 0)
            {
                firstJit = (System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jit).TotalMilliseconds;
            }

            if (!double.IsFinite(value))
            {
                throw new InvalidOperationException($"{which}: the fit returned {value}.");
            }
        }

        Console.WriteLine("RESULT\t" + string.Join("\t", times.Append(firstJit).Select(t => t.ToString("R", CultureInfo.InvariantCulture))));
    }

    /// <summary>The models of <see cref="VectorKernelBenchmarks"/> (same sizes, seeds and θ), without its warm-up call.</summary>
    private static (IMleModel Model, double[] Theta, Func<double[], double[], double> Hand) Build(string model)
    {
        switch (model)
        {
            case "Logistic":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(1_000_000, 20, seed: 1);
                int[] y = SyntheticData.Bernoulli(x, beta, seed: 2);
                return (new LogisticModel { X = x, Y = y, Beta = new double[20] }, beta.Select(b => 0.9 * b).ToArray(),
                    (t, g) => SimdLogistic.ValueAndGradient(x, y, t, g));
            }

            case "Poisson":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(1_000_000, 10, seed: 3);
                int[] y = SyntheticData.Poisson(x, beta, seed: 4);
                double logFactorials = 0;
                foreach (int v in y)
                {
                    logFactorials += Functions.LogFactorial(v);
                }

                return (new PoissonModel { X = x, Y = y, Beta = new double[10] }, beta.Select(b => 0.9 * b).ToArray(),
                    (t, g) => SimdPoisson.ValueAndGradient(x, y, logFactorials, t, g));
            }

            case "Linear":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(1_000_000, 10, seed: 5);
                double[] y = SyntheticData.Gaussian(x, beta, sigma: 0.5, seed: 6);
                return (new LinearModel { X = x, Y = y, Beta = new double[10] }, [.. beta.Select(b => 0.9 * b), 0.6],
                    (t, g) => SimdLinear.ValueAndGradient(x, y, t, g));
            }

            case "NegativeBinomial":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(1_000_000, 10, seed: 8);
                int[] y = SyntheticData.NegativeBinomial(x, beta, dispersion: 2, seed: 9);
                var kernel = new SimdNegativeBinomial(y.Max());
                return (new NegativeBinomialRegressionModel { X = x, Y = y, Beta = new double[10] }, [.. beta.Select(b => 0.9 * b), 1.7],
                    (t, g) => kernel.ValueAndGradient(x, y, t, g));
            }

            case "Mixture":
            {
                double[] y = SyntheticData.Mixture(100_000, [0.5, 0.3, 0.2], [-2, 0, 3], [1, 0.5, 1.5], seed: 7);
                return (new MixtureModel { Y = y, Weights = new double[3], Means = new double[3], Sds = new double[3] },
                    [0.45, 0.35, 0.2, -1.8, 0.1, 2.9, 1.1, 0.6, 1.4], (t, g) => SimdMixture.ValueAndGradient(y, t, g));
            }

            default:
                throw new ArgumentException($"Unknown model '{model}'; one of {string.Join(", ", Models)}.", nameof(model));
        }
    }

    /// <summary>Runs <paramref name="binary"/> (this program, or another build of it) with <paramref name="arguments"/> and the environment of <paramref name="config"/>; returns its RESULT line's numbers.</summary>
    private static double[] Spawn(string binary, string[] arguments, string config)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(binary) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in Configs[config].Environment)
        {
            start.Environment[name] = value;
        }

        using Process child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        string? line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT\t", StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The child {string.Join(' ', arguments)} ({config}) exited with {child.ExitCode}:\n{output}");
        }

        return line.Split('\t').Skip(1).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>
    /// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): on a shared, loaded machine the wall time of a
    /// call mostly measures the other jobs; the thread's CPU time does not count the time it waited for a core (nor the
    /// JIT's background tier-1 compiles, which run on another thread). Wall time where that clock is not available.
    /// </summary>
    private static double ThreadCpuMilliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(3, out TimeSpec t) == 0)
        {
            return (t.Seconds * 1e3) + (t.Nanoseconds * 1e-6);
        }

        return Stopwatch.GetTimestamp() * 1e3 / Stopwatch.Frequency;
    }

#pragma warning disable SYSLIB1054 // a DllImport: LibraryImport's generated stub needs unsafe code in this project
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static string[] Option(string[] args, string name, string fallback)
    {
        int at = Array.IndexOf(args, name);
        string value = at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        return value.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Ms(double milliseconds) => milliseconds >= 100 ? $"{milliseconds:F0} ms" : milliseconds >= 10 ? $"{milliseconds:F1} ms" : $"{milliseconds:F2} ms";

    private static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
