using MleGen.Generators.Tests.Harness;
using Xunit;

namespace MleGen.Generators.Tests.Generation;

/// <summary>The generated source of representative models, compared with reviewed snapshots.</summary>
public class SnapshotTests
{
    private static void VerifyModel(string source, string hintName, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var result = GeneratorHarness.Run(source);
        var sources = GeneratorHarness.Sources(result);
        Assert.True(sources.ContainsKey(hintName), "Generated: " + string.Join(", ", sources.Keys));
        Snapshot.Verify(sources[hintName], hintName, nameof(SnapshotTests), method);
    }

    [Fact]
    public void LinearRegression() => VerifyModel("""
        using System;
        using MleGen;
        using static MleGen.Functions;

        namespace Demo;

        [Model]
        public partial class LinearRegression
        {
            [Data] public required double[,] X { get; init; }
            [Data] public required double[] Y { get; init; }

            [Param] public double Intercept;
            [Param] public double[] Beta = [];
            [Param(Lower = 0)] public double Sigma = 1;

            double Mean(int i) => Intercept + Dot(Beta, X, i);

            [Likelihood(nameof(Y))]
            Normal Observation(int i) => new(Mean(i), Sigma);
        }
        """, "Demo.LinearRegression.g.cs");

    [Fact]
    public void PoissonWithWeightsAndPrior() => VerifyModel("""
        using System;
        using MleGen;
        using static MleGen.Functions;

        namespace Demo;

        [Model]
        public partial class Counts
        {
            [Data] public required double[] Exposure;
            [Data] public required double[] X;
            [Data] public required double[] W;
            [Data] public required int[] Y;

            [Param, NormalPrior(0, 10)] public double A;
            [Param, L1(0.5)] public double B;

            [Likelihood(nameof(Y), Weights = nameof(W))]
            PoissonLog Observation(int i)
            {
                var eta = A + B * X[i];
                return new(eta + Math.Log(Exposure[i]));
            }
        }
        """, "Demo.Counts.g.cs");

    [Fact]
    public void Multinomial() => VerifyModel("""
        using System;
        using MleGen;
        using static MleGen.Functions;

        namespace Demo;

        [Model]
        public partial class Multinomial
        {
            [Data] public required double[,] X;
            [Data] public required int[] Class;

            [Param] public double[,] W = new double[2, 3];

            [Likelihood(nameof(Class))]
            CategoricalLogits Observation(int i) =>
                CategoricalLogits.Of(3, k => k == 0 ? 0 : Sum(X.GetLength(1), j => W[k - 1, j] * X[i, j]));
        }
        """, "Demo.Multinomial.g.cs");

    [Fact]
    public void Mixture() => VerifyModel("""
        using System;
        using MleGen;

        [Model]
        public partial class Mixture
        {
            [Data] public required double[] Y;

            [Param(Simplex = true)] public double[] Weights = [0.5, 0.5];
            [Param] public double[] Means = [0, 1];
            [Param(Lower = 0)] public double[] Sds = [1, 1];

            [Likelihood(nameof(Y))]
            NormalMixture Observation(int i) => new(Weights, Means, Sds);
        }
        """, "Mixture.g.cs");

    [Fact]
    public void NestedNonlinearTwoTerms() => VerifyModel("""
        using System;
        using MleGen;
        using static MleGen.Functions;

        namespace Demo.Nist;

        public static partial class Outer
        {
            [Model]
            internal partial class Misra
            {
                [Data] public required double[] X;
                [Data] public required double[] Y;
                [Data] public required double[] Z;

                [Param] public double B1 = 500;
                [Param] public double B2 = 1e-4;
                [Param(Lower = 0)] public double Sigma = 1;
                [Param(Lower = 0)] public double Tau = 1;

                [Likelihood(nameof(Y))]
                Normal Curve(int i) => new(B1 * (1 - Math.Exp(-B2 * X[i])), Sigma);

                [Likelihood(nameof(Z))]
                StudentT Noise(int i) => new(4, X[i] > 0 ? B1 : -B1, Tau);
            }
        }
        """, "Demo.Nist.Outer.Misra.g.cs");
}
