using MleGen.Generators.Tests.Harness;
using Xunit;

namespace MleGen.Generators.Tests.Generation;

/// <summary>
/// The negative binomial (and the zero-inflated one, which shares its density) is generated with the stable dispersion
/// terms — LogGammaDifference(y, φ) and −φ·log1p(μ/φ) (the vector kernels: φ·softplus(η − log φ) + y·softplus(log φ − η)),
/// no log Γ(φ) or log φ − log(φ + μ) — and its vector kernels
/// compute them with VectorMath's vector lanes, not the scalar function lane by lane, or gather them from the per-chunk
/// tables over the counts.
/// </summary>
public class NegativeBinomialEmissionTests
{
    private const string Source = """
        using System;
        using MleGen;
        using static MleGen.Functions;

        namespace Demo;

        [Model]
        public partial class Counts
        {
            [Data] public required double[,] X { get; init; }
            [Data] public required int[] Y { get; init; }
            [Param] public double[] Beta = [];
            [Param(Lower = 0)] public double Dispersion = 1;

            [Likelihood(nameof(Y))]
            NegativeBinomial Observation(int i) => new(Math.Exp(Dot(Beta, X, i)), Dispersion);
        }

        [Model]
        public partial class Inflated
        {
            [Data] public required double[] X { get; init; }
            [Data] public required int[] Y { get; init; }
            [Param] public double A;
            [Param] public double B;
            [Param(Lower = 0, Upper = 1)] public double Zero = 0.2;
            [Param(Lower = 0)] public double Dispersion = 1;

            [Likelihood(nameof(Y))]
            ZeroInflatedNegativeBinomial Observation(int i) => new(Zero, Math.Exp(A + B * X[i]), Dispersion);
        }
        """;

    [Theory]
    [InlineData("Demo.Counts.g.cs")]
    [InlineData("Demo.Inflated.g.cs")]
    public void UsesTheStableTermsAndTheirVectorForms(string hintName)
    {
        var sources = GeneratorHarness.Sources(GeneratorHarness.Run(Source));
        Assert.True(sources.ContainsKey(hintName), "Generated: " + string.Join(", ", sources.Keys));
        string code = sources[hintName];

        Assert.Contains("global::MleGen.Functions.LogGammaDifference(", code, System.StringComparison.Ordinal);
        Assert.Contains("global::MleGen.Functions.DigammaDifference(", code, System.StringComparison.Ordinal);
        Assert.Contains("global::MleGen.Functions.TrigammaDifference(", code, System.StringComparison.Ordinal);
        Assert.Contains("global::MleGen.Functions.Log1p(", code, System.StringComparison.Ordinal);
        Assert.Contains("global::System.Runtime.Intrinsics.Vector256<double> v", code, System.StringComparison.Ordinal);
        Assert.Contains("global::MleGen.VectorMath.LogGammaDifference(", code, System.StringComparison.Ordinal);
        Assert.Contains("global::MleGen.VectorMath.DigammaDifference(", code, System.StringComparison.Ordinal);

        // The kernels read the differences at a count from per-chunk tables over the chunk's counts when they span few
        // values: the NLL (log Γ), the gradient (ψ) and the observed information (ψ′), on both paths.
        Assert.Contains("global::MleGen.VectorKernels.CountRange(d_Y, start, end, 256, out int min_Y);", code, System.StringComparison.Ordinal);
        Assert.Contains("t_lgammadiff", code, System.StringComparison.Ordinal);
        Assert.Contains("global::MleGen.VectorKernels.Gather4(t_lgammadiff", code, System.StringComparison.Ordinal);
        Assert.Contains("global::MleGen.VectorKernels.Gather8(t_digammadiff", code, System.StringComparison.Ordinal);
        Assert.Contains("(range_Y > 0 ? t_digammadiff", code, System.StringComparison.Ordinal);
        Assert.Contains("(range_Y > 0 ? t_trigammadiff", code, System.StringComparison.Ordinal);

        // Nothing of the cancelling form is left, and nothing of the dispersion runs lane by lane.
        Assert.DoesNotContain("global::MleGen.Functions.LogGamma(p_Dispersion", code, System.StringComparison.Ordinal);
        Assert.DoesNotContain("global::MleGen.Functions.Digamma(", code, System.StringComparison.Ordinal);
        // log φ appears only as the vector kernels' hoisted d = η − log φ of the softplus form φ·softplus(d) + y·softplus(−d)
        // (stable: no log φ − log(φ + μ) difference), never in a scalar kernel.
        Assert.Equal(Count(code, "global::System.Math.Log(p_Dispersion)"), Count(code, "double logDispersion = global::System.Math.Log(p_Dispersion);"));
        Assert.Equal(Count(code, "logDispersion"), Count(code, "double logDispersion =") + Count(code, ".Create(logDispersion)"));
        Assert.DoesNotContain("static (u, v) => global::MleGen.Functions.LogGammaDifference", code, System.StringComparison.Ordinal);
        Assert.DoesNotContain("static (u, v) => global::MleGen.Functions.DigammaDifference", code, System.StringComparison.Ordinal);
    }

    private static int Count(string code, string text)
    {
        int n = 0;
        for (int at = code.IndexOf(text, System.StringComparison.Ordinal); at >= 0; at = code.IndexOf(text, at + text.Length, System.StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
