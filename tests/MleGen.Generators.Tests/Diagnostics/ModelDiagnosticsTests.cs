using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Tests.Harness;
using Xunit;

namespace MleGen.Generators.Tests.Diagnostics;

public class ModelDiagnosticsTests
{
    private const string Header = """
        using System;
        using MleGen;
        using static MleGen.Functions;

        """;

    /// <summary>A model with the usual members around <paramref name="body"/>.</summary>
    private static string Model(string body) => Header + $$"""
        [Model]
        public partial class M
        {
            [Data] public double[] Y = [];
            [Data] public int[] C = [];
            [Data] public double[,] X = new double[0, 0];
            [Param] public double A;
            [Param] public double[] Mu = [];
            [Param] public double[] Sd = [];
        {{body}}
        }
        """;

    private const string Likelihood = """
            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(A, 1);
        """;

    public static IEnumerable<TheoryDataRow<string, string>> Cases() =>
    [
        new("MLE0001", Header + "[Model] public class [|M|] { [Data] public double[] Y = []; [Likelihood(nameof(Y))] Normal Obs(int i) => new(0, 1); }"),
        new("MLE0001", Header + "public class [|Outer|] { [Model] public partial class M { [Data] public double[] Y = []; [Likelihood(nameof(Y))] Normal Obs(int i) => new(0, 1); } }"),
        new("MLE0014", Header + "public partial class [|M|] { [Data] public double[] Y = []; [Likelihood(nameof(Y))] Normal Obs(int i) => new(0, 1); }"),
        new("MLE0014", Header + "public class [|Half|] { [Param] public double A; }"),
        new("MLE0002", Header + "[Model] public partial class [|M|]<T> { [Data] public double[] Y = []; [Likelihood(nameof(Y))] Normal Obs(int i) => new(0, 1); }"),
        new("MLE0003", Model("    [Data] public [|string|] Name = \"\";\n" + Likelihood)),
        new("MLE0003", Model("    [Data] public [|float[]|] F { get; set; } = [];\n" + Likelihood)),
        new("MLE0004", Model("    [Param] public [|int|] K;\n" + Likelihood)),
        new("MLE0004", Model("    [[|Param(Simplex = true)|]] public double B;\n" + Likelihood)),
        new("MLE0004", Model("    [[|Param(Lower = 1, Upper = 0)|]] public double B;\n" + Likelihood)),
        new("MLE0004", Model("    [Param] public readonly double [|B|];\n" + Likelihood)),
        new("MLE0004", Model("    [Param] public double [|B|] { get; }\n" + Likelihood)),
        new("MLE0004", Model("    [Param] public double [|B|] { get; init; }\n" + Likelihood)),
        new("MLE0004", Model("    [Param] private double [|_a|];\n" + Likelihood)),
        new("MLE0015", Model("    [Data] public double[] Scale = [];\n    [[|Param(Names = nameof(Scale))|]] public double[] B = [];\n" + Likelihood)),
        new("MLE0015", Model("    public string[] Columns = [];\n    [[|Param(Names = nameof(Columns))|]] public double B;\n" + Likelihood)),
        new("MLE0015", Model("    [[|Param(Names = \"Missing\")|]] public double[] B = [];\n" + Likelihood)),
        new("MLE0015", Model("    public static string[] Columns = [];\n    [[|Param(Names = nameof(Columns))|]] public double[] B = [];\n" + Likelihood)),
        new("MLE0005", Model("    [Likelihood(nameof(Y))]\n    Normal [|Obs|](int i, int j) => new(A, 1);")),
        new("MLE0005", Model("    [Likelihood(nameof(Y))]\n    double [|Obs|](int i) => A;")),
        new("MLE0005", Model("    [Likelihood(nameof(Y))]\n    Normal [|Obs|]<T>(int i) => new(A, 1);")),
        new("MLE0005", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => [|default|];")),
        new("MLE0005", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => [|i > 0 ? new Normal(A, 1) : new Normal(0, 1)|];")),
        new("MLE0005", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => [|new Normal()|];")),
        new("MLE0006", Model("    [Likelihood([|nameof(A)|])]\n    Normal Obs(int i) => new(A, 1);")),
        new("MLE0006", Model("    [Likelihood([|\"Missing\"|])]\n    Normal Obs(int i) => new(A, 1);")),
        new("MLE0006", Model("    [Data] public double Scalar;\n    [Likelihood([|nameof(Scalar)|])]\n    Normal Obs(int i) => new(A, 1);")),
        new("MLE0007", Model("    [Likelihood(nameof(Y), Weights = [|nameof(C)|])]\n    Normal Obs(int i) => new(A, 1);")),
        new("MLE0008", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new([|Math.Max(A, 1)|], 1);")),
        new("MLE0008", Model("    double _cache;\n    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new(A + [|_cache|], 1);")),
        new("MLE0008", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i)\n    {\n        double s = 0;\n        [|for (int j = 0; j < 3; j++) s += Y[j];|]\n        return new(s, 1);\n    }")),
        new("MLE0008", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new(A + [|Y.Sum()|], 1);").Replace("using System;", "using System;\nusing System.Linq;")),
        new("MLE0008", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new([|(int)A|], 1);")),
        new("MLE0008", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new(A, [|new Random().NextDouble()|]);")),
        new("MLE0008", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new(Y.GetLength([|1|]), 1);")),
        new("MLE0008", Model("    static float F(int i) => 1f;\n    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new([|F(i)|], 1);")),
        new("MLE0009", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new(Y[i] > [|A|] ? 1 : 2, 1);")),
        new("MLE0009", Model("    bool Positive() => A > 0;\n    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new([|Positive()|] ? 1 : 2, 1);")),
        new("MLE0010", Model("    double F(int k) => k <= 0 ? 0 : [|F(k - 1)|] + 1;\n    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new(F(i), 1);")),
        new("MLE0011", Header + "[Model] public partial class [|M|] { [Data] public double[] Y = []; [Param] public double A; }"),
        new("MLE0012", Model("    [Data] public static double[] [|Z|] = [];\n" + Likelihood)),
        new("MLE0012", Model("    [Param] public static double [|B|];\n" + Likelihood)),
        new("MLE0013", Model("    static readonly double[] Fixed = [1, 2];\n    [Likelihood(nameof(Y))]\n    NormalMixture Obs(int i) => new([|Fixed|], Mu, Sd);")),
        new("MLE0016", Model("    public int [|EvaluationThreads|] => 0;\n" + Likelihood)),
        new("MLE0016", Model("    private double [|__evaluator|];\n" + Likelihood)),
        new("MLE0017", Header + "[Model] file partial class [|F|] { [Data] public double[] Y = []; [Param] public double A; [Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1); }"),
        new("MLE0017", Header + "[Model] public static partial class [|S|] { }"),
        new("MLE0018", Model("    [Param, NormalPrior(0, [|-1|])] public double B;\n" + Likelihood)),
        new("MLE0018", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new(A, [|-1|]);")),
        new("MLE0019", Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new(" + new string('(', 199) + "([|A|])" + new string(')', 199) + ", 1);")),
        new("MLE0013", Model("    static readonly double[] Fixed = [1, 2];\n    static readonly double[,] FixedX = new double[1, 1];\n    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new(Dot([|Fixed|], Mu) + Dot(Mu, [|FixedX|], i) + Dot(Mu, X, i), 1);")),
        new("MLE0020", Model("    [Likelihood(nameof(Y), RightCensored = [|nameof(C)|])]\n    Normal Obs(int i) => new(A, 1);")),
        new("MLE0020", Model("    [Data] public bool[] B = [];\n    [Likelihood(nameof(B), LeftCensored = [|nameof(B)|])]\n    Normal Obs(int i) => new(A, 1);")),
        new("MLE0020", Model("    [Data] public bool[] B = [];\n    [Likelihood(nameof(Y), RightCensored = nameof(B), LeftCensored = [|nameof(B)|])]\n    Normal Obs(int i) => new(A, 1);")),
        new("MLE0021", Model("    [Data] public bool[] B = [];\n    [Likelihood(nameof(C), [|RightCensored = nameof(B)|])]\n    NegativeBinomial Obs(int i) => new(Math.Exp(A), 2);")),
        new("MLE0021", Model("    [Data] public bool[] B = [];\n    [Likelihood(nameof(C), [|LeftCensored = nameof(B)|])]\n    Poisson Obs(int i) => new(Math.Exp(A));")),
        new("MLE0023", Model("    [Likelihood(nameof(Y), TruncatedBelow = [|nameof(C)|])]\n    Normal Obs(int i) => new(A, 1);")),
        new("MLE0023", Model("    [Likelihood(nameof(Y), TruncatedAbove = [|\"Missing\"|])]\n    Normal Obs(int i) => new(A, 1);")),
        new("MLE0024", Model("    [Data] public double L;\n    [Likelihood(nameof(C), [|TruncatedBelow = nameof(L)|])]\n    NegativeBinomial Obs(int i) => new(Math.Exp(A), 2);")),
        new("MLE0024", Model("    [Data] public double L;\n    [Likelihood(nameof(C), [|TruncatedAbove = nameof(L)|])]\n    Poisson Obs(int i) => new(Math.Exp(A));")),
        new("MLE0022", Model("    [Derived] public int [|Count|] => 3;\n" + Likelihood)),
        new("MLE0022", Model("    [Derived] public double [|Twice|] { get => 2 * A; set { } }\n" + Likelihood)),
        new("MLE0022", Model("    [Derived] public double [|Block|] { get { return 2 * A; } }\n" + Likelihood)),
        new("MLE0008", Model("    [Derived] public double Bad => [|Math.Max(A, 1)|];\n" + Likelihood)),
        new("MLE0025", Model("    [LogLikelihood(nameof(Y))]\n    float [|Term|](int i) => 1f;")),
        new("MLE0025", Model("    [LogLikelihood(nameof(Y))]\n    double [|Term|]() => -A * A;")),
        new("MLE0025", Model("    [LogLikelihood]\n    double [|Term|](int i) => -A * Y[i];")),
        new("MLE0025", Model("    [LogLikelihood([|nameof(A)|])]\n    double Term(int i) => -A * Y[i];")),
        new("MLE0025", Model("    [LogLikelihood([|nameof(X)|])]\n    double Term(int i) => -A;")),
        new("MLE0025", Model("    [LogLikelihood(nameof(Y))]\n    static double [|Term|](int i) => -1;")),
        new("MLE0025", Model("    [Likelihood(nameof(Y)), LogLikelihood(nameof(Y))]\n    Normal [|Obs|](int i) => new(A, 1);")),
        new("MLE0008", Model("    [LogLikelihood(nameof(Y))]\n    double Term(int i) => [|Math.Max(A, Y[i])|];")),
        new("MLE0009", Model("    [LogLikelihood]\n    double Term() => [|A|] > 0 ? -A : A;")),
    ];

    [Fact]
    public void CensoringUnsupportedFamilyNamesTheFamiliesThatSupportIt()
    {
        var compilation = CompilationHarness.CreateCompilation(Model("    [Data] public bool[] B = [];\n    [Likelihood(nameof(C), RightCensored = nameof(B))]\n    NegativeBinomial Obs(int i) => new(Math.Exp(A), 2);"));
        var diagnostic = Assert.Single(CompilationHarness.RunAnalyzer(compilation));
        Assert.Equal("MLE0021", diagnostic.Id);
        Assert.Equal(
            "The likelihood 'Obs' returns NegativeBinomial, which has no exact differentiable CDF for RightCensored; censoring is supported for Normal, Laplace, StudentT, Cauchy, LogNormal, Exponential, Gamma, Weibull, Beta, NormalMixture and Gumbel",
            diagnostic.GetMessage());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnalyzerReportsTheIdAtTheMarkedSpan(string id, string markedSource)
    {
        var marked = MarkedSource.Parse(markedSource);
        var compilation = CompilationHarness.CreateCompilation(marked.Source);
        Assert.Empty(CompilationHarness.CompilerErrors(compilation).Select(d => d.ToString()));

        var diagnostics = CompilationHarness.RunAnalyzer(compilation);

        var actual = diagnostics.Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(d => d.SourceSpan.Start).ToArray();
        var expected = marked.Spans.Select(span => (id, span)).ToArray();
        Assert.Equal(expected, actual);
        Assert.All(diagnostics, d => Assert.Equal("Model.cs", d.Location.SourceTree?.FilePath));
        Assert.All(diagnostics, d => Assert.Equal(HelpLinks.ForDiagnostic(id), d.Descriptor.HelpLinkUri));

        // The parser agrees with the analyzer and produces no spec for an invalid model.
        foreach (var result in CompilationHarness.ParseModels(compilation))
        {
            Assert.Null(result.Spec);
        }
    }

    [Fact]
    public void UnsupportedConstructMessageNamesTheNodeAndTheSubset()
    {
        var compilation = CompilationHarness.CreateCompilation(Model("    [Likelihood(nameof(Y))]\n    Normal Obs(int i) => new(Math.Max(A, 1), 1);"));
        var diagnostic = Assert.Single(CompilationHarness.RunAnalyzer(compilation));
        Assert.StartsWith("'Math.Max(A, 1)' is not supported in a model expression; supported: literals", diagnostic.GetMessage());
    }

    [Fact]
    public void NamedPrivateAndPropertyParametersHaveNoDiagnostics()
    {
        var compilation = CompilationHarness.CreateCompilation(Model("""
                public string[] Columns { get; set; } = [];
                [Param(Names = nameof(Columns))] public double[] B { get; set; } = [];
                [Param(Lower = 0)] private double _scale = 1;
                [Param] public double D { get; set; }
                [Likelihood(nameof(Y))]
                Normal Obs(int i) => new(A + B[0] + D, _scale);
            """));
        Assert.Empty(CompilationHarness.CompilerErrors(compilation).Select(d => d.ToString()));
        Assert.Empty(CompilationHarness.RunAnalyzer(compilation));
    }

    [Fact]
    public void ValidModelHasNoDiagnostics()
    {
        var compilation = CompilationHarness.CreateCompilation(Model(Likelihood));
        Assert.Empty(CompilationHarness.RunAnalyzer(compilation));
    }

    [Fact]
    public void EveryIdHasACaseAndAHelpPage()
    {
        var ids = typeof(MleGen.Generators.Diagnostics.DiagnosticIds)
            .GetFields()
            .Select(f => (string)f.GetValue(null)!)
            .Where(id => id.StartsWith("MLE00", System.StringComparison.Ordinal)) // the MLE01xx lint: LintDescriptorTests
            .ToHashSet();
        var covered = Cases().Select(row => row.Data.Item1).ToHashSet();

        // MLE0026 (an internal error) has no model that triggers it: InternalErrorTests makes one by hand.
        Assert.Subset(covered, ids.Where(id => id != MleGen.Generators.Diagnostics.DiagnosticIds.InternalError).ToHashSet());
        var analyzer = new MleGen.Generators.Diagnostics.ModelAnalyzer();
        Assert.Equal(ids.OrderBy(x => x), analyzer.SupportedDiagnostics.Select(d => d.Id).OrderBy(x => x));
    }
}
