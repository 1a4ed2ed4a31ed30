using MleGen.Generators.Tests.Harness;
using Xunit;

namespace MleGen.Generators.Tests.Generation;

/// <summary>Generated code without warnings (consumers build with warnings as errors) in shapes the snapshots do not cover.</summary>
public class WarningFreeTests
{
    [Fact]
    public void AnL1OnlyModelDeclaresNoUnusedPriorLocals()
    {
        // Found by the guide's lasso example: the prior methods declared g and h for L1, whose smooth part is empty (CS0168).
        GeneratorHarness.Run("""
            using MleGen;
            using static MleGen.Functions;

            [Model]
            public partial class Lasso
            {
                [Data] public required double[,] X { get; init; }
                [Data] public required bool[] Success { get; init; }
                [Param] public double Intercept;
                [Param, L1(5)] public double[] Beta = [];

                [Likelihood(nameof(Success))]
                BernoulliLogit Observation(int i) => new(Intercept + Dot(Beta, X, i));
            }
            """);
    }

    [Fact]
    public void NamedPrivateAndPropertyParametersCompile()
    {
        var result = GeneratorHarness.Run("""
            using MleGen;
            using static MleGen.Functions;

            [Model]
            public partial class Named
            {
                [Data] public required double[,] X { get; init; }
                [Data] public required double[] Y { get; init; }
                public string[] Columns { get; set; } = [];
                [Param] private double _intercept;
                [Param(Names = nameof(Columns))] public double[] Beta { get; set; } = [];
                [Param(Lower = 0)] public double Sigma { get; set; } = 1;

                [Likelihood(nameof(Y))]
                Normal Observation(int i) => new(_intercept + Dot(Beta, X, i), Sigma);
            }
            """);
        string source = Assert.Single(GeneratorHarness.Sources(result)).Value;
        Assert.Contains("new global::MleGen.ParameterInfo(\"Intercept\"", source, System.StringComparison.Ordinal);
        Assert.Contains("global::MleGen.ParameterNaming.ElementName(this.Columns, \"Columns\", \"Beta\"", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void LocalsTakeTheUsersNamesWithoutCollidingWithGeneratedOnes()
    {
        // eta and mu become locals of those names; the helper names that would collide with a generated local (nll,
        // theta) or lower-case to a keyword (event) keep the scheduler's names. Built at warning level 9999.
        var compilation = CompilationHarness.CreateCompilation("""
            using MleGen;
            using static MleGen.Functions;

            [Model]
            public partial class Named
            {
                [Data] public required double[] X { get; init; }
                [Data] public required double[] Y { get; init; }
                [Param] public double A;
                [Param] public double B;
                [Param(Lower = 0)] public double Sigma = 1;

                double Nll(int i) => A + B * X[i];
                double Event(int i) => System.Math.Exp(Nll(i));
                double Theta(int i) => Event(i) * Event(i) + Nll(i);

                [Likelihood(nameof(Y))]
                Normal Observation(int i)
                {
                    var eta = A * X[i] + B * X[i] * X[i];
                    var mu = System.Math.Exp(eta) + eta * Theta(i);
                    return new(mu * mu, Sigma);
                }
            }
            """);
        compilation = compilation.WithOptions(compilation.Options.WithWarningLevel(9999));
        string source = Assert.Single(GeneratorHarness.Sources(GeneratorHarness.Run(compilation))).Value;
        Assert.Contains("double eta = ", source, System.StringComparison.Ordinal);
        Assert.Contains("double mu = ", source, System.StringComparison.Ordinal);
        Assert.Contains("double invSigma = ", source, System.StringComparison.Ordinal);
        Assert.DoesNotContain("double nll = (", source, System.StringComparison.Ordinal);
        Assert.DoesNotContain("double theta = ", source, System.StringComparison.Ordinal);
        Assert.DoesNotContain("@event", source, System.StringComparison.Ordinal);
    }
}
