using MleGen.Generators.Tests.Harness;
using Xunit;

namespace MleGen.Generators.Tests.Generation;

/// <summary>
/// The generated source of a censored and truncated Beta regression, compared with its reviewed snapshot: the log
/// incomplete beta intrinsics (BetaLogCdf/BetaLogCcdf of (α, β, y)) with their shape-derivative ops, scalar and vector.
/// </summary>
public class BetaCensoringSnapshotTests
{
    private const string CensoredBetaSource = """
        using System;
        using MleGen;

        namespace Demo;

        [Model]
        public partial class CensoredBeta
        {
            [Data] public required double[] X { get; init; }
            [Data] public required double[] Share { get; init; }
            [Data] public required bool[] Saturated { get; init; }
            [Data] public required bool[] BelowLimit { get; init; }
            [Data] public required double Floor { get; init; }

            [Param(Lower = 0)] public double Precision = 1;
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(Share), RightCensored = nameof(Saturated), LeftCensored = nameof(BelowLimit), TruncatedBelow = nameof(Floor))]
            Beta Observation(int i) => new(Math.Exp(A + B * X[i]), Precision);
        }
        """;

    [Fact]
    public void CensoredBeta()
    {
        var sources = GeneratorHarness.Sources(GeneratorHarness.Run(CensoredBetaSource));
        Assert.True(sources.ContainsKey("Demo.CensoredBeta.g.cs"), "Generated: " + string.Join(", ", sources.Keys));
        Snapshot.Verify(sources["Demo.CensoredBeta.g.cs"], "Demo.CensoredBeta.g.cs", nameof(BetaCensoringSnapshotTests));
    }
}
