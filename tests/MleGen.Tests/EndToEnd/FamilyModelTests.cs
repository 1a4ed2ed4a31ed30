using System;
using System.Collections.Generic;
using System.Linq;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.EndToEnd;

/// <summary>Every family (and the mixed models) compiled by the real generator, checked against independent numbers.</summary>
public class FamilyModelTests
{
    private const int SmallN = 60;
    private const int LargeN = 40000;
    private const int Points = 3;

    public static TheoryData<string> Cases => new(ModelCases.Names);

    public static TheoryData<string> ClosedFormCases => new(ModelCases.All.Where(c => !c.Canonical).Select(c => c.Name));

    public static TheoryData<string> CanonicalCases => new(ModelCases.All.Where(c => c.Canonical).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void NllMatchesTheOracle(string name)
    {
        var (model, points) = Setup(name);
        foreach (var theta in points)
        {
            ModelChecker.CheckOracle(model, theta);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientMatchesFiniteDifferences(string name)
    {
        var (model, points) = Setup(name);
        foreach (var theta in points)
        {
            ModelChecker.CheckGradient(model, theta);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ObservedInformationMatchesFiniteDifferencesOfTheGradient(string name)
    {
        var (model, points) = Setup(name);
        foreach (var theta in points)
        {
            ModelChecker.CheckObservedInformation(model, theta);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ScoreOuterProductSumsOneObservationGradients(string name)
    {
        var c = ModelCases.Get(name);
        var (model, points) = Setup(name);
        var scores = c.Scores is { } custom ? custom(model) : SingleObservationScores(model);
        Assert.Equal(model.ObservationCount, scores.Count);
        foreach (var theta in points)
        {
            ModelChecker.CheckScoreOuterProduct(model, theta, scores);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LayoutNamesBoundsAndRoundTrip(string name)
    {
        var c = ModelCases.Get(name);
        var model = c.Simulate(SmallN, 11);
        ModelChecker.CheckLayout(model, c.Names, c.Positive.ToHashSet(), c.Simplex.ToHashSet(), new Random(5));
        Assert.True(model.HasExpectedInformation);
        Assert.False(model.HasPrior);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ObservationCountIsTheNumberOfObservations(string name)
    {
        var model = ModelCases.Get(name).Simulate(SmallN, 11);
        int expected = model is MixedModel mixed ? mixed.Y.Length + mixed.Counts.Length : SmallN;
        Assert.Equal(expected, model.ObservationCount);
    }

    [Theory]
    [MemberData(nameof(CanonicalCases))]
    public void CanonicalLinkExpectedInformationEqualsObserved(string name)
    {
        var (model, points) = Setup(name);
        foreach (var theta in points)
        {
            ModelChecker.CheckExpectedEqualsObserved(model, theta);
        }
    }

    /// <summary>
    /// A NormalMixture term's expected information is n·F(w, μ, σ) with F from <see cref="Functions.NormalMixtureInformation"/>
    /// (no closed form exists), in θ's coordinates: checked exactly here, and against the score outer product by Monte Carlo
    /// in <see cref="ExpectedInformationMatchesScoreOuterProductAtTheTruth"/>.
    /// </summary>
    [Fact]
    public void NormalMixtureExpectedInformationIsCountTimesTheQuadratureInformation()
    {
        var (model, points) = Setup("NormalMixture");
        Assert.True(model.HasExpectedInformation);
        int p = model.ParameterCount;
        var first = new List<double[]>();
        foreach (var theta in points)
        {
            double[] expected = new double[p * p], f = new double[p * p];
            model.ExpectedInformation(theta, expected);
            first.Add(expected);
            Functions.NormalMixtureInformation(theta.AsSpan(0, 3), theta.AsSpan(3, 3), theta.AsSpan(6, 3), f);
            for (int i = 0; i < p * p; i++)
            {
                Assert.Equal(model.ObservationCount * f[i], expected[i], 1e-12 * Math.Abs(model.ObservationCount * f[i]) + 1e-12);
            }
        }

        // F is cached per θ: asked again, in another order, every point gives the same bits.
        for (int k = points.Count - 1; k >= 0; k--)
        {
            double[] again = new double[p * p];
            model.ExpectedInformation(points[k], again);
            Assert.Equal(first[k], again);
        }
    }

    [Theory]
    [MemberData(nameof(ClosedFormCases))]
    public void ExpectedInformationMatchesScoreOuterProductAtTheTruth(string name)
    {
        var c = ModelCases.Get(name);
        var model = name == "Mixed" ? ModelCases.SimulateMixed(LargeN, 3, weighted: false) : c.Simulate(LargeN, 3);
        ModelChecker.CheckExpectedMonteCarlo(model, ModelChecker.Current(model));
    }

    [Theory]
    [MemberData(nameof(CanonicalCases))]
    public void CanonicalExpectedInformationMatchesScoreOuterProductAtTheTruth(string name)
    {
        var model = ModelCases.Get(name).Simulate(LargeN, 3);
        ModelChecker.CheckExpectedMonteCarlo(model, ModelChecker.Current(model));
    }

    private static (IOracleModel Model, List<double[]> Points) Setup(string name)
    {
        var model = ModelCases.Get(name).Simulate(SmallN, 17);
        var truth = ModelChecker.Current(model);
        var rng = new Random(name.Length * 7919);
        var points = new List<double[]>();
        for (int k = 0; k < Points; k++)
        {
            points.Add(ModelChecker.RandomPoint(model, truth, rng));
        }

        return (model, points);
    }

    private static List<Func<double[], double[]>> SingleObservationScores(IOracleModel model)
    {
        int n = model.ObservationCount;
        var scores = new List<Func<double[], double[]>>();
        for (int i = 0; i < n; i++)
        {
            var copy = ObservationSlicer.Slice(model, new Dictionary<int, int> { [n] = i });
            scores.Add(theta => ModelChecker.Gradient(copy, theta));
        }

        return scores;
    }
}
