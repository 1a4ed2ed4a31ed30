using MleGen.Generators.Tests.Harness;
using Xunit;

namespace MleGen.Generators.Tests.Generation;

/// <summary>
/// The generated source of a censored and truncated Gamma regression, compared with its reviewed snapshot: the log
/// incomplete gamma intrinsics (GammaLogCdf/GammaLogCcdf) with their ratio and shape-derivative chain.
/// </summary>
public class GammaCensoringSnapshotTests
{
    private const string CensoredGammaSource = """
        using System;
        using MleGen;

        namespace Demo;

        [Model]
        public partial class CensoredGamma
        {
            [Data] public required double[] X { get; init; }
            [Data] public required double[] Time { get; init; }
            [Data] public required bool[] Censored { get; init; }
            [Data] public required bool[] BelowLimit { get; init; }
            [Data] public required double Entry { get; init; }

            [Param(Lower = 0)] public double Shape = 1;
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(Time), RightCensored = nameof(Censored), LeftCensored = nameof(BelowLimit), TruncatedBelow = nameof(Entry))]
            Gamma Survival(int i) => new(Shape, Math.Exp(A + B * X[i]));
        }
        """;

    [Fact]
    public void CensoredGamma()
    {
        var sources = GeneratorHarness.Sources(GeneratorHarness.Run(CensoredGammaSource));
        Assert.True(sources.ContainsKey("Demo.CensoredGamma.g.cs"), "Generated: " + string.Join(", ", sources.Keys));
        Snapshot.Verify(sources["Demo.CensoredGamma.g.cs"], "Demo.CensoredGamma.g.cs", nameof(GammaCensoringSnapshotTests));
    }
}
