using System;
using System.Collections.Generic;
using System.Linq;
using MleGen.Tests.EndToEnd;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.Censoring;

/// <summary>Truncated likelihoods compiled by the real generator: NLL vs the oracle, gradient and Hessian vs differences, bad bounds.</summary>
public class TruncationTests
{
    private const int N = 40;

    public static TheoryData<string> Models => new("Normal", "Weibull", "ZeroTruncatedPoisson", "PoissonAbove2");

    internal static IOracleModel Create(string name, int seed)
    {
        var rng = new Random(seed);
        var x = new double[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = rng.NextDouble() * 2 - 1;
        }

        switch (name)
        {
            case "Normal":
            {
                var y = new double[N];
                var upper = new double[N];
                var m = new TruncatedNormalModel { x = x, Y = y, Lower = -0.5, Upper = upper, Scale = 0.8, A = 0.3, B = 1 };
                for (int i = 0; i < N; i++)
                {
                    upper[i] = 1 + rng.NextDouble();
                    do
                    {
                        y[i] = Sampler.Draw(m.Observation(i), rng);
                    }
                    while (!(y[i] >= -0.5 && y[i] <= upper[i]));
                }

                return m;
            }

            case "Weibull":
            {
                var y = new double[N];
                var entry = new double[N];
                var right = new bool[N];
                var m = new TruncatedWeibullModel { x = x, Y = y, Entry = entry, Right = right, Shape = 1.5, A = 0.4, B = 0.5 };
                for (int i = 0; i < N; i++)
                {
                    entry[i] = 0.3 * rng.NextDouble();
                    do
                    {
                        y[i] = Sampler.Draw(m.Observation(i), rng);
                    }
                    while (y[i] < entry[i]);
                    right[i] = rng.NextDouble() < 0.3;
                }

                return m;
            }

            default:
            {
                double bound = name == "ZeroTruncatedPoisson" ? 0 : 2;
                var y = new int[N];
                var bounds = new double[N];
                var m = new TruncatedPoissonModel { x = x, Y = y, Bound = bounds, A = 1, B = 0.5 };
                for (int i = 0; i < N; i++)
                {
                    bounds[i] = bound;
                    do
                    {
                        y[i] = (int)Sampler.Draw(m.Observation(i), rng);
                    }
                    while (y[i] <= bound);
                }

                return m;
            }
        }
    }

    private static IEnumerable<double[]> Points(IOracleModel model, int seed)
    {
        var rng = new Random(seed);
        var center = ModelChecker.Current(model);
        yield return center;
        yield return ModelChecker.RandomPoint(model, center, rng);
        yield return ModelChecker.RandomPoint(model, center, rng);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void NllMatchesTheRenormalizedOracle(string name)
    {
        var model = Create(name, 21);
        foreach (var theta in Points(model, 3))
        {
            ModelChecker.CheckOracle(model, theta);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void GradientAndObservedInformationMatchFiniteDifferences(string name)
    {
        var model = Create(name, 22);
        foreach (var theta in Points(model, 4))
        {
            ModelChecker.CheckGradient(model, theta);
            ModelChecker.CheckObservedInformation(model, theta);
        }

        Assert.False(model.HasExpectedInformation);
        var at = Points(model, 5).First();
        var e = Assert.Throws<InvalidOperationException>(() => model.ExpectedInformation(at, new double[at.Length * at.Length]));
        Assert.Contains("Expected information is not available", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObservationOutsideTheTruncationNamesItAndTheBound()
    {
        var model = (TruncatedNormalModel)Create("Normal", 23);
        model.Y[4] = model.Upper[4] + 0.1;
        var e = Assert.Throws<ModelDataException>(() => model.ValidateData());
        Assert.Equal("Y", e.Member);
        Assert.Equal(4, e.Index);
        Assert.Contains("Upper[4]", e.Message, StringComparison.Ordinal);

        var poisson = (TruncatedPoissonModel)Create("ZeroTruncatedPoisson", 24);
        poisson.Y[6] = 0;
        e = Assert.Throws<ModelDataException>(() => poisson.ValidateData());
        Assert.Equal("Y", e.Member);
        Assert.Equal(6, e.Index);
        Assert.Contains("at or below", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACountBoundMustBeAWholeNumber()
    {
        var poisson = (TruncatedPoissonModel)Create("PoissonAbove2", 25);
        poisson.Bound[2] = 1.5;
        var e = Assert.Throws<ModelDataException>(() => poisson.ValidateData());
        Assert.Equal("Bound", e.Member);
        Assert.Equal(2, e.Index);
    }
}
