using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static MleGen.Tests.Diagnostics.FailureData;

namespace MleGen.Tests.Diagnostics;

/// <summary>
/// The run-time checks are quiet on well-specified data: 100 simulated data sets per model kind (fixed seeds), each
/// check's alarm rate at most 5 %.
/// </summary>
public class FalseAlarmTests
{
    private const int DataSets = 100;
    private const int MaxAlarms = 5;

    private static readonly string[] Checks =
    [
        FitDiagnosticIds.DivergingLikelihood, FitDiagnosticIds.SingularInformation, FitDiagnosticIds.Separation, FitDiagnosticIds.HeavyTails,
        FitDiagnosticIds.ClassImbalance, FitDiagnosticIds.Misspecification, FitDiagnosticIds.SmallSample, FitDiagnosticIds.AtBound,
        FitDiagnosticIds.Overdispersion,
    ];

    private static void AssertQuiet(string kind, Func<Random, FitResult> fit)
    {
        var alarms = Checks.ToDictionary(id => id, _ => 0);
        for (int s = 0; s < DataSets; s++)
        {
            FitResult result = fit(new Random(1000 + s));
            foreach (string id in result.Diagnostics.Select(d => d.Id).Distinct().Where(alarms.ContainsKey))
            {
                alarms[id]++;
            }
        }

        foreach (var (id, count) in alarms)
        {
            Assert.True(count <= MaxAlarms, $"{kind}: {id} fired on {count} of {DataSets} well-specified data sets");
        }
    }

    [Fact]
    public void LinearRegression() => AssertQuiet("linear", random =>
    {
        double[] x = Uniform(random, 60);
        double[] y = [.. x.Select(v => 1 + (2 * v) + Normal(random))];
        return new LinearFailureModel { X = Column(x), Y = y, Beta = new double[1] }.Fit();
    });

    [Fact]
    public void LogisticRegression() => AssertQuiet("logistic", random =>
    {
        double[] x = Uniform(random, 150, -2, 2);
        int[] y = [.. x.Select(v => Bernoulli(random, 1 / (1 + Math.Exp(-(0.3 + v)))))];
        return new LogisticFailureModel { X = Column(x), Y = y, Beta = new double[1] }.Fit();
    });

    [Fact]
    public void PoissonRegression() => AssertQuiet("Poisson", random =>
    {
        double[] x = Uniform(random, 80);
        int[] y = [.. x.Select(v => Poisson(random, Math.Exp(0.5 + (0.5 * v))))];
        return new PoissonFailureModel { X = Column(x), Y = y, Beta = new double[1] }.Fit();
    });

    [Fact]
    public void NormalMixture() => AssertQuiet("mixture", random =>
    {
        double[] y = [.. Enumerable.Range(0, 150).Select(i => (i % 2 == 0 ? -2 : 2) + Normal(random))];
        // L-BFGS: the mixture's expected information is a quadrature per evaluation, which the Newton warm start would
        // call many times; the check under test is the same whichever optimizer reached the maximum.
        return new MixtureFailureModel { Y = y, Weights = [0.5, 0.5], Means = [-1, 1], Sds = [1, 1] }.Fit(new FitOptions { Method = FitMethod.Lbfgs });
    });
}
