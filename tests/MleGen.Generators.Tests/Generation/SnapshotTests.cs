using System.Linq;
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

    private const string LinearRegressionSource = """
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
        """;

    [Fact]
    public void LinearRegression() => VerifyModel(LinearRegressionSource, "Demo.LinearRegression.g.cs");

    private const string PoissonWithWeightsAndPriorSource = """
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
        """;

    [Fact]
    public void PoissonWithWeightsAndPrior() => VerifyModel(PoissonWithWeightsAndPriorSource, "Demo.Counts.g.cs");

    private const string MultinomialSource = """
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
        """;

    [Fact]
    public void Multinomial() => VerifyModel(MultinomialSource, "Demo.Multinomial.g.cs");

    private const string MixtureSource = """
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
        """;

    [Fact]
    public void Mixture() => VerifyModel(MixtureSource, "Mixture.g.cs");

    private const string NestedNonlinearTwoTermsSource = """
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
        """;

    [Fact]
    public void NestedNonlinearTwoTerms() => VerifyModel(NestedNonlinearTwoTermsSource, "Demo.Nist.Outer.Misra.g.cs");

    /// <summary>The snapshot models, for the checks that build them other ways.</summary>
    private const string DelayedEntrySurvivalSource = """
        using System;
        using MleGen;

        namespace Demo;

        [Model]
        public partial class DelayedEntry
        {
            [Data] public required double[] Age { get; init; }
            [Data] public required double[] Time { get; init; }
            [Data] public required bool[] Censored { get; init; }
            [Data] public required double[] Entry { get; init; }

            [Param(Lower = 0)] public double Shape = 1;
            [Param] public double A;
            [Param] public double B;

            [Derived] public double MedianAt60 => Math.Exp(A + B * 60) * Math.Pow(Math.Log(2), 1 / Shape);

            [Likelihood(nameof(Time), RightCensored = nameof(Censored), TruncatedBelow = nameof(Entry))]
            Weibull Survival(int i) => new(Shape, Math.Exp(A + B * Age[i]));
        }
        """;

    [Fact]
    public void DelayedEntrySurvival() => VerifyModel(DelayedEntrySurvivalSource, "Demo.DelayedEntry.g.cs");

    private const string DetectionLimitStudentTSource = """
        using MleGen;

        namespace Demo;

        [Model]
        public partial class DetectionLimitT
        {
            [Data] public required double[] Dose { get; init; }
            [Data] public required double[] Level { get; init; }
            [Data] public required bool[] BelowLimit { get; init; }

            [Param(Lower = 0)] public double Nu = 5;
            [Param] public double A;
            [Param] public double B;
            [Param(Lower = 0)] public double Scale = 1;

            // Below the detection limit: log F(limit) of the t, with its derivatives in ν, location and scale.
            [Likelihood(nameof(Level), LeftCensored = nameof(BelowLimit))]
            StudentT Measurement(int i) => new(Nu, A + B * Dose[i], Scale);
        }
        """;

    [Fact]
    public void DetectionLimitStudentT() => VerifyModel(DetectionLimitStudentTSource, "Demo.DetectionLimitT.g.cs");

    private const string CustomTermsSource = """
        using System;
        using MleGen;
        using static MleGen.Functions;

        namespace Demo;

        [Model]
        public partial class Tobit
        {
            [Data] public required double[] X { get; init; }
            [Data] public required double[] Y { get; init; }

            [Param] public double A;
            [Param] public double B;
            [Param(Lower = 0)] public double Sigma = 1;

            double Mean(int i) => A + B * X[i];

            // Censored at zero from below: P(Y* ≤ 0) for the zeros, the normal density above.
            [LogLikelihood(nameof(Y))]
            double Observation(int i) => Y[i] <= 0
                ? LogPhi(-Mean(i) / Sigma)
                : -0.5 * Square((Y[i] - Mean(i)) / Sigma) - Math.Log(Sigma) - 0.9189385332046727;

            [LogLikelihood]
            double Shrinkage() => -0.5 * Square(B / 10);
        }
        """;

    [Fact]
    public void CustomTerms() => VerifyModel(CustomTermsSource, "Demo.Tobit.g.cs");

    private const string OrdinalAndZeroInflatedSource = """
        using System;
        using MleGen;
        using static MleGen.Functions;

        namespace Demo;

        [Model]
        public partial class Survey
        {
            [Data] public required double[] Age { get; init; }
            [Data] public required int[] Rating { get; init; }
            [Data] public required int[] Visits { get; init; }

            [Param] public double B;
            [Param(Ordered = true)] public double[] Cuts = [-1, 0, 1];
            [Param] public double A;
            [Param] public double G;

            [Likelihood(nameof(Rating))]
            OrderedLogistic Satisfaction(int i) => new(B * Age[i], Cuts);

            [Likelihood(nameof(Visits))]
            ZeroInflatedPoisson Count(int i) => new(Logistic(G), Math.Exp(A + B * Age[i]));
        }
        """;

    [Fact]
    public void OrdinalAndZeroInflated() => VerifyModel(OrdinalAndZeroInflatedSource, "Demo.Survey.g.cs");

    public static TheoryData<string> Sources() => new(LinearRegressionSource, PoissonWithWeightsAndPriorSource, MultinomialSource, MixtureSource, NestedNonlinearTwoTermsSource, DelayedEntrySurvivalSource, DetectionLimitStudentTSource, CustomTermsSource, OrdinalAndZeroInflatedSource);

    /// <summary>Every snapshot model's generated code builds with every warning on (level 9999) and warnings as errors, as a strict consumer builds it.</summary>
    [Theory]
    [MemberData(nameof(Sources))]
    public void GeneratedCode_HasNoWarningAtAnyLevel(string source)
    {
        var compilation = CompilationHarness.CreateCompilation(source);
        compilation = compilation.WithOptions(compilation.Options
            .WithWarningLevel(9999)
            .WithGeneralDiagnosticOption(Microsoft.CodeAnalysis.ReportDiagnostic.Error));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, TestContext.Current.CancellationToken);
        Assert.Empty(generatorDiagnostics);
        var generated = output.SyntaxTrees.Except(compilation.SyntaxTrees).ToList();
        Assert.NotEmpty(generated);
        var diagnostics = output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity != Microsoft.CodeAnalysis.DiagnosticSeverity.Hidden && d.Location.SourceTree is { } tree && generated.Contains(tree))
            .ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }
}
