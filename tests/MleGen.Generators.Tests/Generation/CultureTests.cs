using System.Globalization;
using System.Linq;
using MleGen.Generators.Tests.Harness;
using Xunit;

namespace MleGen.Generators.Tests.Generation;

/// <summary>Generated code must not depend on the build machine's culture (fi-FI's minus sign and decimal comma once leaked elsewhere).</summary>
public class CultureTests
{
    private const string Model = """
        using System;
        using MleGen;

        [Model]
        public partial class Shifted
        {
            [Data] public required double[] Y;
            [Param(Lower = -2.5, Upper = 1e6)] public double Mu = -0.25;
            [Param(Lower = 0), NormalPrior(-1.5, 0.75)] public double Sigma = 1;

            [Likelihood(nameof(Y))]
            Normal Observation(int i) => new(Mu - 0.125 * Math.Pow(Y[i], -1.5), Sigma);
        }
        """;

    [Fact]
    public void OutputIsIdenticalUnderFinnishCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        string invariant, finnish;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = GeneratorHarness.Sources(GeneratorHarness.Run(Model)).Single().Value;
            CultureInfo.CurrentCulture = new CultureInfo("fi-FI");
            finnish = GeneratorHarness.Sources(GeneratorHarness.Run(Model)).Single().Value;
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal(invariant, finnish);
        Assert.Contains("(-2.5d)", finnish);
        Assert.Contains("(-1.5d)", finnish);
        Assert.DoesNotContain("\u2212", finnish);
    }
}
