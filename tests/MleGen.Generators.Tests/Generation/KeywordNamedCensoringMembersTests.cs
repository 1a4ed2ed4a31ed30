using Xunit;

namespace MleGen.Generators.Tests.Generation;

/// <summary>Members named with C# keywords (<c>@class</c>) in the censoring and truncation checks the generator writes.</summary>
public class KeywordNamedCensoringMembersTests
{
    /// <summary>
    /// Fuzz mutant 511 (seed 1) renamed the observed member to <c>@class</c>: the truncation checks printed <c>this.class</c>
    /// (and the both-censored check its flags unescaped), so the generated file did not compile.
    /// </summary>
    [Fact]
    public void KeywordNamedObservationsBoundsAndFlagsCompile()
    {
        const string source = """
using System;
using MleGen;

namespace Demo;

[Model]
public partial class Truncated
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] @class { get; init; }
    [Data] public required double @base { get; init; }
    [Data] public required double[] Upper { get; init; }
    [Param(Lower = 0)] public double Nu = 5;
    [Param(Lower = 0)] public double Scale = 1;
    [Param] public double A;
    [Param] public double B;

    [Likelihood(nameof(@class), TruncatedBelow = nameof(@base), TruncatedAbove = nameof(Upper))]
    internal StudentT Observation(int i) => new(Nu, A + (B * x[i]), Scale);
}

[Model]
public partial class Censored
{
    [Data] public required double[] @double { get; init; }
    [Data] public required bool[] @event { get; init; }
    [Data] public required bool[] @checked { get; init; }
    [Param] public double Mu;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(@double), RightCensored = nameof(@event), LeftCensored = nameof(@checked))]
    internal Normal Observation(int i) => new(Mu, Sigma);
}
""";

        // Run asserts no generator diagnostic and an output that compiles without error.
        var result = Harness.GeneratorHarness.Run(source);
        Assert.Equal(2, result.GeneratedSources.Length);
    }
}
