using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace MleGen.Tests.Optimization;

public class OptimizerTests
{
    private static OptimizerSettings Tight => new(1e-10, 1e-15, 1000, null, CancellationToken.None);

    [Fact]
    public void LbfgsSolvesRosenbrock()
    {
        double[] x = [-1.2, 1];
        OptimizationResult result = Lbfgs.Minimize(new Rosenbrock(), x, Tight, new LbfgsWorkspace(2));
        Assert.True(result.Converged, result.Reason);
        Assert.Equal(1, x[0], 1e-6);
        Assert.Equal(1, x[1], 1e-6);
    }

    [Fact]
    public void NewtonSolvesRosenbrock()
    {
        double[] x = [-1.2, 1];
        OptimizationResult result = Newton.Minimize(new Rosenbrock(), x, Tight, new NewtonWorkspace(2));
        Assert.True(result.Converged, result.Reason);
        Assert.Equal(1, x[0], 1e-6);
        Assert.Equal(1, x[1], 1e-6);
    }

    [Fact]
    public void LbfgsSolvesIllConditionedQuadratic()
    {
        var f = new IllConditionedQuadratic(10);
        double[] x = new double[10];
        OptimizationResult result = Lbfgs.Minimize(f, x, new OptimizerSettings(1e-12, 0, 5000, null, CancellationToken.None), new LbfgsWorkspace(10));
        Assert.True(result.Converged, result.Reason);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(f.Center[i], x[i], 1e-5);
        }
    }

    [Fact]
    public void NewtonSolvesIllConditionedQuadraticInAFewSteps()
    {
        var f = new IllConditionedQuadratic(10);
        double[] x = new double[10];
        OptimizationResult result = Newton.Minimize(f, x, Tight, new NewtonWorkspace(10));
        Assert.True(result.Converged, result.Reason);
        Assert.True(result.Iterations <= 8, $"{result.Iterations} iterations"); // λ starts at 1 and drops 1000-fold per step the quadratic model predicts exactly
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(f.Center[i], x[i], 1e-6);
        }
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    public void OwlQnFindsTheLassoSolutionWithExactZeros(double lambda)
    {
        LeastSquares f = LeastSquares.Synthetic();
        double[] reference = f.CoordinateDescent(lambda);
        double[] weights = new double[8], centers = new double[8];
        Array.Fill(weights, lambda);
        double[] x = new double[8];
        OptimizationResult result = OwlQn.Minimize(f, weights, centers, x, Tight, new LbfgsWorkspace(8));
        Assert.True(result.Converged, result.Reason);
        int zeros = 0;
        for (int j = 0; j < 8; j++)
        {
            Assert.Equal(reference[j], x[j], 1e-6);
            if (reference[j] == 0)
            {
                zeros++;
                Assert.Equal(0.0, x[j]);
            }
        }

        Assert.True(zeros >= 3, $"the problem should have zeros; got {zeros}");
    }

    [Fact]
    public void LbfgsAllocatesNothingOnAPreallocatedWorkspace()
    {
        var f = new IllConditionedQuadratic(10);
        var workspace = new LbfgsWorkspace(10);
        double[] x = new double[10];
        OptimizerSettings settings = new(1e-10, 0, 5000, new NullProgress(), CancellationToken.None);
        Lbfgs.Minimize(f, x, settings, workspace); // warm-up: JIT, statics
        OptimizationResult result = default;
        long allocated = AllocationProbe.Fewest(() =>
        {
            Array.Clear(x);
            result = Lbfgs.Minimize(f, x, settings, workspace);
        });
        Assert.True(result.Iterations > 10);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void OwlQnAndNewtonAllocateNothingOnAPreallocatedWorkspace()
    {
        LeastSquares lasso = LeastSquares.Synthetic();
        var workspace = new LbfgsWorkspace(8);
        double[] weights = new double[8], centers = new double[8], x = new double[8];
        Array.Fill(weights, 0.05);
        OwlQn.Minimize(lasso, weights, centers, x, Tight, workspace);
        Assert.Equal(0, AllocationProbe.Fewest(() =>
        {
            Array.Clear(x);
            OwlQn.Minimize(lasso, weights, centers, x, Tight, workspace);
        }));

        var rosenbrock = new Rosenbrock();
        var newton = new NewtonWorkspace(2);
        double[] y = [-1.2, 1];
        Newton.Minimize(rosenbrock, y, Tight, newton);
        Assert.Equal(0, AllocationProbe.Fewest(() =>
        {
            y[0] = -1.2;
            y[1] = 1;
            Newton.Minimize(rosenbrock, y, Tight, newton);
        }));
    }

    [Fact]
    public void ProgressIsReportedOncePerIteration()
    {
        var progress = new ListProgress();
        double[] x = [-1.2, 1];
        OptimizationResult result = Lbfgs.Minimize(new Rosenbrock(), x, Tight with { Progress = progress }, new LbfgsWorkspace(2));
        Assert.Equal(result.Iterations, progress.Reports.Count);
        for (int i = 0; i < progress.Reports.Count; i++)
        {
            Assert.Equal(i + 1, progress.Reports[i].Iteration);
        }

        Assert.Equal(result.Value, progress.Reports[^1].Value);
        Assert.True(progress.Reports[^1].Value < progress.Reports[0].Value);
    }

    [Fact]
    public void CancellationStopsTheOptimizer()
    {
        using var cts = new CancellationTokenSource();
        var progress = new CancelAfter(cts, 3);
        double[] x = [-1.2, 1];
        Assert.Throws<OperationCanceledException>(() =>
            Lbfgs.Minimize(new Rosenbrock(), x, Tight with { Progress = progress, CancellationToken = cts.Token }, new LbfgsWorkspace(2)));
        Assert.Equal(3, progress.Count);
    }

    [Fact]
    public void IterationLimitIsAStatusNotAnException()
    {
        double[] x = [-1.2, 1];
        OptimizationResult result = Lbfgs.Minimize(new Rosenbrock(), x, Tight with { MaxIterations = 3 }, new LbfgsWorkspace(2));
        Assert.False(result.Converged);
        Assert.Equal(OptimizationStatus.MaxIterations, result.Status);
        Assert.Equal("iteration limit reached", result.Reason);
    }

    private sealed class NullProgress : IProgress<FitProgress>
    {
        public void Report(FitProgress value)
        {
        }
    }

    private sealed class ListProgress : IProgress<FitProgress>
    {
        public List<FitProgress> Reports { get; } = [];

        public void Report(FitProgress value) => Reports.Add(value);
    }

    private sealed class CancelAfter(CancellationTokenSource cts, int n) : IProgress<FitProgress>
    {
        public int Count { get; private set; }

        public void Report(FitProgress value)
        {
            if (++Count == n)
            {
                cts.Cancel();
            }
        }
    }
}
