using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;

namespace MleGen.Benchmarks;

/// <summary>
/// <c>--fit-report</c>: fits each model once per method on one thread (after a short warm-up fit that
/// JIT-compiles the code and sizes the model's workspaces) and prints iterations, evaluations, allocation
/// and the agreement with a Newton fit of the same model as a Markdown table; for the logistic model also
/// the hand-written SIMD baseline and where the default fit's time goes.
/// </summary>
internal static class FitReport
{
    private sealed record Row(string Method, double Seconds, int Iterations, int GradientCalls, int ValueCalls, int InformationCalls,
        long FitBytes, long LoopBytes, int AllocatingIntervals, double[] Estimates, double[] StandardErrors, double GradientNorm, string Exit);

    public static void Run(ReadOnlySpan<string> names)
    {
        var cases = new List<FitCase>();
        foreach (string name in names)
        {
            cases.Add(Enum.Parse<FitCase>(name, ignoreCase: true));
        }

        if (cases.Count == 0)
        {
            cases.AddRange(Enum.GetValues<FitCase>());
        }

        Console.WriteLine($"{Environment.ProcessorCount} processors, .NET {Environment.Version}; allocation = GC.GetAllocatedBytesForCurrentThread().");
        Console.WriteLine("| model | method | time | iterations | NLL+grad evals | NLL evals | information evals | allocated, whole fit | allocated in the loop (first→last gradient) | loop ÷ iterations (stage set-ups included) | max rel. Δθ vs Newton | max rel. ΔSE vs Newton | final ‖g‖∞ | exit |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (FitCase which in cases)
        {
            FitProblemCase problem = FitProblemCase.Create(which);
            var model = new CountingModel(problem.Model);
            WarmUp(model, problem);

            Row newton = Measure(model, "MleGen Newton", () => FromFit(ModelFitter.Fit(model, problem.Options(FitMethod.Newton, threads: 1))));
            Row automatic = Measure(model, "MleGen Fit() (automatic)", () => FromFit(ModelFitter.Fit(model, problem.Options(threads: 1))));
            Row lbfgs = Measure(model, "MleGen L-BFGS", () => FromFit(ModelFitter.Fit(model, problem.Options(FitMethod.Lbfgs, threads: 1))));
            Row mathNet = Measure(model, "MathNet L-BFGS", () =>
            {
                MathNetFit fit = MathNetLbfgsFit.Run(model, problem.Start);
                return (fit.Iterations, fit.Estimates, fit.StandardErrors, fit.GradientNorm, fit.Reason);
            });

            var rows = new List<Row> { automatic, lbfgs, mathNet, newton };
            if (problem.Model is LogisticModel logistic)
            {
                MathNetSimdLogisticFit.Run(logistic.X, logistic.Y, maxIterations: 3); // JIT
                rows.Add(Measure(model, "MathNet L-BFGS, hand SIMD kernel + hand SEs", () =>
                {
                    MathNetFit fit = MathNetSimdLogisticFit.Run(logistic.X, logistic.Y);
                    return (fit.Iterations, fit.Estimates, fit.StandardErrors, fit.GradientNorm, fit.Reason);
                }));
            }

            foreach (Row row in rows)
            {
                Print(problem.Label, row, newton);
            }

            if (problem.Model is LogisticModel logisticModel)
            {
                Breakdown(logisticModel, automatic, rows[^1]);
            }
        }
    }

    /// <summary>
    /// Where the time of the default logistic fit goes: each kernel's cost per call (the least of five calls, one thread)
    /// times the calls the fit made, beside the hand-written SIMD fit's.
    /// </summary>
    private static void Breakdown(LogisticModel model, Row automatic, Row simd)
    {
        int p = model.X.GetLength(1);
        double[] beta = new double[p], gradient = new double[p], information = new double[p * p];
        model.EvaluationThreads = 1;
        double Cost(Action call)
        {
            call();
            double best = double.PositiveInfinity;
            for (int k = 0; k < 5; k++)
            {
                var clock = Stopwatch.StartNew();
                call();
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }

            return best;
        }

        double generatedGradient = Cost(() => ((IMleModel)model).NegativeLogLikelihood(beta, gradient));
        double generatedHessian = Cost(() => ((IMleModel)model).ObservedInformation(beta, information));
        double simdGradient = Cost(() => SimdLogistic.ValueAndGradient(model.X, model.Y, beta, gradient));
        double simdInformation = Cost(() => SimdLogistic.Information(model.X, beta, information));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per call, 1 thread: generated NLL+gradient {generatedGradient * 1e3:F1} ms, generated observed information {generatedHessian * 1e3:F1} ms; hand SIMD NLL+gradient {simdGradient * 1e3:F1} ms, hand SIMD XᵀWX {simdInformation * 1e3:F1} ms."));
        // Whole fits, interleaved and repeated, the least time of each: on a shared machine the other load only adds.
        double defaultFit = double.PositiveInfinity, simdFit = double.PositiveInfinity;
        var options = new FitOptions { Start = new double[p], Threads = 1 };
        MathNetFit? simdResult = null;
        for (int k = 0; k < 3; k++)
        {
            var clock = Stopwatch.StartNew();
            ModelFitter.Fit(model, options);
            defaultFit = Math.Min(defaultFit, clock.Elapsed.TotalSeconds);
            clock.Restart();
            simdResult = MathNetSimdLogisticFit.Run(model.X, model.Y);
            simdFit = Math.Min(simdFit, clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Default fit: {automatic.GradientCalls} NLL+gradient (≈ {automatic.GradientCalls * generatedGradient:F2} s) + {automatic.ValueCalls} NLL + {automatic.InformationCalls} information (≈ {automatic.InformationCalls * generatedHessian:F2} s); hand SIMD fit: {simd.Iterations} iterations, {simdResult!.Evaluations} kernel calls (≈ {simdResult.Evaluations * simdGradient:F2} s) + 1 XᵀWX (≈ {simdInformation:F2} s)."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Least of 3 interleaved whole fits: default {defaultFit:F2} s, hand SIMD + MathNet {simdFit:F2} s, ratio {defaultFit / simdFit:F2}."));
    }

    /// <summary>Short fits of every method: JIT compilation, the model's first-call workspaces and validation happen here, not in the measured fits.</summary>
    private static void WarmUp(CountingModel model, FitProblemCase problem)
    {
        ModelFitter.Fit(model, new FitOptions { Method = FitMethod.Newton, Start = problem.Start, MaxIterations = 1, Threads = 1 });
        ModelFitter.Fit(model, new FitOptions { Method = FitMethod.Lbfgs, Start = problem.Start, MaxIterations = 3, Threads = 1 });
        try
        {
            MathNetLbfgsFit.Run(model, problem.Start, maxIterations: 3);
        }
        catch (Exception e) when (e.GetType().Namespace?.StartsWith("MathNet", StringComparison.Ordinal) == true)
        {
            // MathNet throws when it reaches its iteration limit: expected for a warm-up.
        }
    }

    private static (int Iterations, double[] Estimates, double[] StandardErrors, double GradientNorm, string Exit) FromFit(FitResult fit)
    {
        int p = fit.Parameters.Count;
        double[] estimates = new double[p], se = new double[p];
        for (int i = 0; i < p; i++)
        {
            estimates[i] = fit.Parameters[i].Estimate;
            se[i] = fit.Parameters[i].StandardError ?? double.NaN;
        }

        return (fit.Iterations, estimates, se, fit.GradientNorm, fit.ConvergenceReason);
    }

    private static Row Measure(CountingModel model, string method, Func<(int Iterations, double[] Estimates, double[] StandardErrors, double GradientNorm, string Exit)> fit)
    {
        model.Reset();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var (iterations, estimates, se, gradientNorm, exit) = fit();
        double seconds = clock.Elapsed.TotalSeconds;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        return new Row(method, seconds, iterations, model.GradientCalls, model.ValueCalls, model.InformationCalls,
            bytes, model.LoopAllocatedBytes, model.AllocatingIntervals, estimates, se, gradientNorm, exit);
    }

    private static void Print(string label, Row row, Row newton)
    {
        bool isReference = ReferenceEquals(row, newton);
        string perIteration = row.Iterations > 0 ? Bytes(row.LoopBytes / (double)row.Iterations) : "–";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {row.Method} | {row.Seconds:F2} s | {row.Iterations} | {row.GradientCalls} | {row.ValueCalls} | {row.InformationCalls} | {Bytes(row.FitBytes)} | {Bytes(row.LoopBytes)} ({row.AllocatingIntervals} of {Math.Max(0, row.GradientCalls - 1)} intervals) | {perIteration} | {(isReference ? "reference" : MaxRelative(row.Estimates, newton.Estimates).ToString("E1", CultureInfo.InvariantCulture))} | {(isReference ? "reference" : MaxRatio(row.StandardErrors, newton.StandardErrors).ToString("E1", CultureInfo.InvariantCulture))} | {row.GradientNorm:E1} | {row.Exit} |"));
    }

    /// <summary>maxᵢ |aᵢ − bᵢ| / max(|bᵢ|, 1): relative for values of magnitude above one, absolute below.</summary>
    internal static double MaxRelative(double[] a, double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]) / Math.Max(Math.Abs(b[i]), 1));
        }

        return max;
    }

    /// <summary>maxᵢ |aᵢ − bᵢ| / |bᵢ|: standard errors are positive and small, so purely relative.</summary>
    internal static double MaxRatio(double[] a, double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]) / Math.Abs(b[i]));
        }

        return max;
    }

    private static string Bytes(double bytes) => bytes switch
    {
        < 10_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes:F0} B"),
        < 10_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:F1} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):F1} MB"),
    };
}
