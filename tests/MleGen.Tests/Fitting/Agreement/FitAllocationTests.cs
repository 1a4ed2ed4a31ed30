using System;
using System.Threading;
using Xunit;

namespace MleGen.Tests.Fitting.Agreement;

/// <summary>
/// A whole <c>Fit()</c> allocates for its set-up (transform, workspaces) and its result, never per
/// iteration. Every fit here runs on one thread (the data sets are below the parallel threshold as
/// well), so <see cref="GC.GetAllocatedBytesForCurrentThread"/> sees all of it.
/// </summary>
public class FitAllocationTests
{
    public static TheoryData<string> Cases => new([AgreementCases.Logistic, AgreementCases.Poisson, AgreementCases.Mixture]);

    /// <summary>
    /// Two fits that both end at their iteration limit inside L-BFGS (5 iterations, and one fewer than
    /// L-BFGS needs with both tolerances at zero, found by running the optimizer alone) take the same
    /// path apart from the number of iterations, and no Newton polish runs: their allocations may
    /// differ by a few characters of diagnostic text (under 64 B), not by anything per iteration.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void FitAllocationDoesNotGrowWithIterations(string name)
    {
        IMleModel model = AgreementCases.Create(name);
        double[] start = new double[model.ParameterCount];
        model.ReadParameters(start);
        int many = LbfgsIterationsToStall(model, start) - 1;
        FitOptions Options(int iterations) => new() { Start = start, MaxIterations = iterations, GradientTolerance = 0, FunctionTolerance = 0, Threads = 1 };

        ModelFitter.Fit(model, Options(5)); // warm-up: JIT, data validation, the model's workspaces
        ModelFitter.Fit(model, Options(many));

        // A garbage collection (hundreds of them run during one pair when other tests run in parallel) can shift this thread's
        // count by a few hundred bytes, so the pair is measured five times and the closest one counts:
        // a per-iteration allocation would show in every repetition.
        long closest = long.MaxValue;
        string measured = "";
        for (int repetition = 0; repetition < 5; repetition++)
        {
            int collections = GC.CollectionCount(0);
            long fewBytes = Allocated(model, Options(5), out FitResult few);
            long manyBytes = Allocated(model, Options(many), out FitResult manyFit);
            Assert.Equal(5, few.Iterations);
            Assert.Equal(many, manyFit.Iterations);
            Assert.False(few.Converged, few.ConvergenceReason);
            Assert.False(manyFit.Converged, manyFit.ConvergenceReason);
            closest = Math.Min(closest, Math.Abs(manyBytes - fewBytes));
            measured += $" {fewBytes} B vs {manyBytes} B ({GC.CollectionCount(0) - collections} collections);";
        }

        // Any allocation is at least 24 B (an object header and method table pointer), so 3 extra iterations already exceed the 64 B slack.
        Assert.True(many >= 8, $"L-BFGS stalls after {many + 1} iterations: too few to tell");
        Assert.True(closest < 64, $"5-iteration vs {many}-iteration fits allocated{measured}");
    }

    /// <summary>
    /// The allocation between consecutive progress reports of the default fit (its L-BFGS iterations,
    /// then the Newton polish) is zero, except once: the Newton workspace created when L-BFGS hands
    /// over to the polish, a one-off of a few q×q arrays.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void DefaultFitIterationsAllocateNothing(string name)
    {
        IMleModel model = AgreementCases.Create(name);
        double[] start = new double[model.ParameterCount];
        model.ReadParameters(start);
        var progress = new AllocationRecorder(capacity: 1000);
        var options = new FitOptions { Start = start, Progress = progress, Threads = 1 };

        ModelFitter.Fit(model, options); // warm-up

        // As above, a collection run for another test can shift the count, so the cleanest of three fits counts.
        string cleanest = "";
        int fewest = int.MaxValue;
        for (int repetition = 0; repetition < 3 && fewest > 1; repetition++)
        {
            progress.Clear();
            FitResult fit = ModelFitter.Fit(model, options);
            Assert.True(fit.Converged, fit.ConvergenceReason);
            Assert.True(progress.Count >= fit.Iterations, $"{progress.Count} progress reports for {fit.Iterations} iterations");
            Assert.True(progress.Count >= 4, $"only {progress.Count} iterations: too few to tell");

            // Newton's matrices and vectors with object headers, twice over.
            int q = fit.FreeParameterCount;
            long oneOffBound = (16L * ((2 * q * q) + (8 * q))) + 2048;
            int allocating = 0;
            string intervals = "";
            for (int k = 1; k < progress.Count; k++)
            {
                long bytes = progress.Bytes[k] - progress.Bytes[k - 1];
                if (bytes != 0)
                {
                    allocating += bytes <= oneOffBound ? 1 : 2;
                    intervals += $" {bytes} B between iterations {k} and {k + 1};";
                }
            }

            if (allocating < fewest)
            {
                fewest = allocating;
                cleanest = $"{progress.Count - 1} intervals, one-off bound {oneOffBound} B:{intervals}";
            }
        }

        Assert.True(fewest <= 1, cleanest);
    }

    /// <summary>The iterations L-BFGS alone runs, with both tolerances at zero, before a step or line-search test stops it.</summary>
    private static int LbfgsIterationsToStall(IMleModel model, double[] start)
    {
        var infos = new ParameterInfo[start.Length];
        for (int i = 0; i < infos.Length; i++)
        {
            infos[i] = model.GetParameterInfo(i);
        }

        var transform = new ParameterTransform(infos, start, new bool[start.Length]);
        var objective = new ModelObjective(model, transform, CurvatureKind.Observed);
        double[] u = new double[transform.FreeCount];
        transform.ToUnconstrained(start, u);
        var settings = new OptimizerSettings(0, 0, 1000, null, CancellationToken.None);
        OptimizationResult result = Lbfgs.Minimize(objective, u, settings, new LbfgsWorkspace(u.Length));
        Assert.NotEqual(OptimizationStatus.MaxIterations, result.Status);
        return result.Iterations;
    }

    private static long Allocated(IMleModel model, FitOptions options, out FitResult fit)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        fit = ModelFitter.Fit(model, options);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Records the thread's allocated bytes at each progress report, into a preallocated buffer (so it allocates nothing itself).</summary>
    private sealed class AllocationRecorder(int capacity) : IProgress<FitProgress>
    {
        public long[] Bytes { get; } = new long[capacity];

        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public void Report(FitProgress value)
        {
            Bytes[Count++] = GC.GetAllocatedBytesForCurrentThread();
        }
    }
}
