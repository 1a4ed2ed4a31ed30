using System;
using System.Threading;
using Xunit;

namespace MleGen.Tests.Fitting.Agreement;

/// <summary>
/// A fit allocates for its set-up (each optimizer stage's transform, objective and workspace) and its
/// result, never per iteration. Every fit here runs on one thread (the data sets are below the parallel
/// threshold as well), so <see cref="GC.GetAllocatedBytesForCurrentThread"/> sees all of it.
/// </summary>
public class FitAllocationTests
{
    public static TheoryData<string> Cases => new([AgreementCases.Logistic, AgreementCases.Poisson, AgreementCases.Mixture]);

    /// <summary>
    /// The optimizers the fit runs, over the generated model through <see cref="ModelObjective"/> (its
    /// unconstrained coordinates), allocate nothing once their workspace exists, however many iterations
    /// they run: L-BFGS with both tolerances at zero (it runs until it stalls) and Newton.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void OptimizersOverTheGeneratedModelAllocateNothing(string name)
    {
        IMleModel model = AgreementCases.Create(name);
        model.EvaluationThreads = 1;
        double[] start = new double[model.ParameterCount];
        model.ReadParameters(start);
        var infos = new ParameterInfo[start.Length];
        for (int i = 0; i < infos.Length; i++)
        {
            infos[i] = model.GetParameterInfo(i);
        }

        var transform = new ParameterTransform(infos, start, new bool[start.Length]);
        var objective = new ModelObjective(model, transform, CurvatureKind.Observed);
        double[] u = new double[transform.FreeCount];
        var lbfgs = new LbfgsWorkspace(u.Length);
        var newton = new NewtonWorkspace(u.Length);
        var exhaustive = new OptimizerSettings(0, 0, 1000, null, CancellationToken.None);
        var standard = OptimizerSettings.Default;

        OptimizationResult Run(bool useNewton, out long bytes)
        {
            transform.ToUnconstrained(start, u);
            long before = GC.GetAllocatedBytesForCurrentThread();
            OptimizationResult result = useNewton ? Newton.Minimize(objective, u, standard, newton) : Lbfgs.Minimize(objective, u, exhaustive, lbfgs);
            bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            return result;
        }

        Run(useNewton: false, out _); // warm-up: JIT, data validation, the model's workspaces
        Run(useNewton: true, out _);
        OptimizationResult quasiNewton = Run(useNewton: false, out long lbfgsBytes);
        OptimizationResult exact = Run(useNewton: true, out long newtonBytes);

        Assert.True(quasiNewton.Iterations >= 8, $"L-BFGS ran {quasiNewton.Iterations} iterations: too few to tell");
        Assert.True(exact.Converged, exact.Reason);
        Assert.Equal(0, lbfgsBytes);
        Assert.Equal(0, newtonBytes);
    }

    public static TheoryData<string, FitMethod> CasesAndMethods()
    {
        var data = new TheoryData<string, FitMethod>();
        foreach (string name in new[] { AgreementCases.Logistic, AgreementCases.Poisson, AgreementCases.Mixture })
        {
            data.Add(name, FitMethod.Newton);
            data.Add(name, FitMethod.Lbfgs);
        }

        return data;
    }

    /// <summary>
    /// Between its first and last progress report a whole fit allocates nothing — Newton (with the block warm
    /// start on the mixture) and L-BFGS with its Newton polish, the two the default chooses between: the transforms,
    /// objectives and workspaces of every stage are created before the run starts. A per-iteration
    /// allocation would show in every interval.
    /// </summary>
    [Theory]
    [MemberData(nameof(CasesAndMethods))]
    public void FitIterationsAllocateNothing(string name, FitMethod method)
    {
        IMleModel model = AgreementCases.Create(name);
        double[] start = new double[model.ParameterCount];
        model.ReadParameters(start);
        var progress = new AllocationRecorder(capacity: 2000);
        var options = new FitOptions { Start = start, Progress = progress, Threads = 1, Method = method };

        ModelFitter.Fit(model, options); // warm-up

        // A collection run for a test on another thread can shift this thread's count by a few hundred
        // bytes (seen in the full suite), so the cleanest of three fits counts.
        string cleanest = "";
        int fewest = int.MaxValue;
        for (int repetition = 0; repetition < 3 && fewest > 0; repetition++)
        {
            progress.Clear();
            FitResult fit = ModelFitter.Fit(model, options);
            Assert.True(fit.Converged, fit.ConvergenceReason);
            Assert.True(progress.Count >= 4, $"only {progress.Count} iterations: too few to tell");
            int allocating = 0;
            string intervals = "";
            for (int k = 1; k < progress.Count; k++)
            {
                long bytes = progress.Bytes[k] - progress.Bytes[k - 1];
                if (bytes != 0)
                {
                    allocating++;
                    intervals += $" {bytes} B between iterations {k} and {k + 1};";
                }
            }

            if (allocating < fewest)
            {
                fewest = allocating;
                cleanest = $"{allocating} of {progress.Count - 1} intervals allocated:{intervals}";
            }
        }

        Assert.True(fewest == 0, cleanest);
    }

    /// <summary>Records the thread's allocated bytes at each progress report, into a preallocated buffer (so it allocates nothing itself).</summary>
    private sealed class AllocationRecorder(int capacity) : IProgress<FitProgress>
    {
        public long[] Bytes { get; } = new long[capacity];

        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public void Report(FitProgress value)
        {
            if (Count < Bytes.Length)
            {
                Bytes[Count++] = GC.GetAllocatedBytesForCurrentThread();
            }
        }
    }
}
