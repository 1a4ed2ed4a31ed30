using System;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.EndToEnd;

/// <summary>
/// Per-index values that do not depend on the observation (log Weights[k], 1/Sds[k]) are tabulated once
/// per chunk for the first 64 indices and computed in place beyond: a mixture with more components than
/// that must give the same numbers on both sides of the table's end.
/// </summary>
public class IndexTableTests
{
    private const int Components = 67;

    private static NormalMixtureModel Model()
    {
        var rng = new Random(11);
        var weights = new double[Components];
        var means = new double[Components];
        var sds = new double[Components];
        for (int k = 0; k < Components; k++)
        {
            weights[k] = (1 + (k % 3)) / (2.0 * Components);
            means[k] = -10 + (20.0 * k / (Components - 1));
            sds[k] = 0.5 + (0.01 * k);
        }

        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        for (int k = 0; k < Components; k++)
        {
            weights[k] /= total;
        }

        var y = new double[150];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = -11 + (22 * rng.NextDouble());
        }

        return new NormalMixtureModel { Y = y, Weights = weights, Means = means, Sds = sds };
    }

    [Fact]
    public void MixtureBeyondTheTableMatchesTheOracle()
    {
        var model = Model();
        ModelChecker.CheckOracle(model, ModelChecker.Current(model));
    }

    [Fact]
    public void MixtureBeyondTheTableGradientMatchesFiniteDifferences()
    {
        var model = Model();
        ModelChecker.CheckGradient(model, ModelChecker.Current(model));
    }

    [Fact]
    public void MixtureBeyondTheTableObservedInformationMatchesFiniteDifferences()
    {
        var model = Model();
        ModelChecker.CheckObservedInformation(model, ModelChecker.Current(model));
    }
}
