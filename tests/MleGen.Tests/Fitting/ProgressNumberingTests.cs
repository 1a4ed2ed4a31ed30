using System;
using System.Collections.Generic;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Fitting;

/// <summary>
/// A fit runs several optimizers in turn (block warm start, L-BFGS then a Newton finish, one Newton run per
/// kink-smoothing stage); progress must still number the iterations 1, 2, …, <see cref="FitResult.Iterations"/>.
/// </summary>
public class ProgressNumberingTests
{
    private sealed class Collect : IProgress<FitProgress>
    {
        public List<int> Iterations { get; } = [];

        public void Report(FitProgress value) => Iterations.Add(value.Iteration);
    }

    public static TheoryData<string, FitMethod> Cases => new()
    {
        { "BernoulliLogit", FitMethod.Lbfgs },          // L-BFGS + Newton polish
        { "NormalMixture", FitMethod.Lbfgs },
        { "Misra1a", FitMethod.Newton },                // block warm start, then joint Newton
        { "Misra1a", FitMethod.Lbfgs },                 // L-BFGS stalls, Newton finishes
        { "Laplace", FitMethod.Lbfgs },                 // kink continuation
    };

    private static IMleModel Create(string name)
    {
        if (name != "Misra1a")
        {
            return ModelCases.Get(name).Simulate(400, 4);
        }

        ReferenceCase c = ReferenceCase.Load("nist_misra1a");
        return new Misra1aModel { X = c.Columns["x"], Y = c.Columns["y"], b1 = c.ParameterNumber("b1", "start1"), b2 = c.ParameterNumber("b2", "start1") };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IterationsAreNumberedConsecutively(string name, FitMethod method)
    {
        var progress = new Collect();
        FitResult fit = ModelFitter.Fit(Create(name), new FitOptions { Method = method, Progress = progress });
        Assert.True(fit.Converged, fit.ToString());
        Assert.Equal(fit.Iterations, progress.Iterations.Count);
        for (int k = 0; k < progress.Iterations.Count; k++)
        {
            Assert.Equal(k + 1, progress.Iterations[k]);
        }
    }

    /// <summary>However many stages a fit runs, together they keep to <see cref="FitOptions.MaxIterations"/> (a kinked model's continuation gives each of its 12 stages at least one).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void StagesShareTheIterationBudget(string name, FitMethod method)
    {
        IMleModel model = Create(name);
        var progress = new Collect();
        FitResult fit = ModelFitter.Fit(model, new FitOptions { Method = method, MaxIterations = 6, Progress = progress });
        int allowance = model.HasKinks ? 12 : 0;
        Assert.True(fit.Iterations <= 6 + allowance, $"{fit.Iterations} iterations for a budget of 6");
        Assert.Equal(fit.Iterations, progress.Iterations.Count);
    }
}
