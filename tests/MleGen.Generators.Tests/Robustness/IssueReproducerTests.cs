using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Tests.Fuzz;
using MleGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MleGen.Generators.Tests.Robustness;

/// <summary>
/// The minimal reproducers of issue 9 (found by a fuzz of the generator): each ends as compiling code, or as the
/// named MLE00xx error at the marked span and a generated partial that adds no error of its own.
/// </summary>
public class IssueReproducerTests
{
    private const string Header = "using System;\nusing MleGen;\nusing static MleGen.Functions;\n\nnamespace N;\n\n";

    private static string Model(string members, string name = "M", string declaration = "public partial class") =>
        Header + "[Model]\n" + declaration + " " + name + "\n{\n    [Data] public double[] Y = [];\n    [Data] public double[] X = [];\n    [Param] public double A;\n" + members + "\n}\n";

    /// <summary>Valid models: no MLE error, code that compiles warning-free, and IMleModel on every model.</summary>
    public static IEnumerable<TheoryDataRow<string, string>> Valid() =>
    [
        new("__k0: shared term under k == 0 ? 0 : …", Model("[Data] public int[] C = [];\n[Param] public double[] Alpha = new double[2];\n[Likelihood(nameof(C))] CategoricalLogits Obs(int i) => CategoricalLogits.Of(3, k => k == 0 ? 0 : Alpha[k - 1] * A * X[i]);")),
        new("__k0: CategoricalLogits with a scalar under ?:", Model("[Data] public int[] C = [];\n[Likelihood(nameof(C))] CategoricalLogits Obs(int i) => CategoricalLogits.Of(3, k => k == 0 ? 0 : A * k);")),
        new("__k0: Sum with a scalar under ?:", Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(Sum(3, k => k == 0 ? 0 : A * k * Y[i]), 1);")),
        new("@event identifiers", Header + "[Model]\npublic partial class @event\n{\n    [Data] public double[] @double = [];\n    [Param] public double @class;\n    [Param] public double[] @int = [];\n    [Likelihood(nameof(@double))] Normal @return(int i) => new(@class + @int[0], 1);\n}\n"),
        new("namespace @class", Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);").Replace("namespace N;", "namespace @class.@event;")),
        new("N.M and N.m", Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);") + "[Model] public partial class m { [Data] public double[] Y = []; [Param] public double A; [Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1); }\n"),
        new("truncated term on bool[] data (fuzz mutant 1366: (double) of a bool)", Model("[Data] public bool[] B = [];\n[Data] public double[] L = [];\n[Param(Lower = 0)] public double S = 1;\n[Likelihood(nameof(B), TruncatedBelow = nameof(L))] Gumbel Obs(int i) => new(A, S);")),
        new("a constant loop count needs no stack-array guard (if (3 > 64): CS0162)", Model("[Data] public int[] C = [];\n[Likelihood(nameof(C))] CategoricalLogits Obs(int i) => CategoricalLogits.Of(3, k => k == 0 ? 0 : A * k * X[i]);")),
        new("a constant loop count past the stack arrays keeps the scalar kernel", Model("[Data] public int[] C = [];\n[Likelihood(nameof(C))] CategoricalLogits Obs(int i) => CategoricalLogits.Of(70, k => k == 0 ? 0 : A * k * X[i]);")),
        new("L1-only prior", Model("[Param, L1(0.5)] public double B;\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A + B * X[i], 1);")),
        new("partial record", Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);", declaration: "public partial record")),
        new("partial record class", Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);", declaration: "public partial record class")),
        new("lower-case type name (CS8981 only on the user's declaration)", Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);", name: "lowercase")),
        new("type named var", Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);", name: "var")),
        new("a constant Sum in a guard condition (fuzz mutant 301: MLE0026, a Reduce node with no local)", Model("[Data] public int[] G = [];\n[Param] public double[] Mu = new double[2];\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(G[i] >= Sum(2, k => 0 * k) ? Mu[G[i]] : 0, 1);")),
        new("a constant Sum in a softmax guard (fuzz mutant 259)", Model("[Data] public int[] C = [];\n[Param] public double[] Alpha = new double[2];\n[Likelihood(nameof(C))] CategoricalLogits Obs(int i) => CategoricalLogits.Of(3, k => Sum(2, k => k * k) == 0 ? 0 : Alpha[k - 1] * X[i]);")),
        new("a constant Sum compared with the softmax index", Model("[Data] public int[] C = [];\n[Param] public double[] L = new double[2];\n[Likelihood(nameof(C))] CategoricalLogits Obs(int i) => CategoricalLogits.Of(3, k => k == Sum(2, k => 0 * k) ? 0 : L[k - 1]);")),
        new("members named like the explicit IMleModel members", Model("public int ObservationCount => 0;\npublic double ParameterCount;\npublic double NegativeLogLikelihood(double x) => x;\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);")),
    ];

    /// <summary>Invalid models: the MLE error where it belongs, and a generated partial that keeps Fit() call sites compiling.</summary>
    public static IEnumerable<TheoryDataRow<string, string, string>> Invalid() =>
    [
        new("CategoricalLogits.Of(0, …)", DiagnosticIds.InvalidConstantArgument, Model("[Data] public int[] C = [];\n[Likelihood(nameof(C))] CategoricalLogits Obs(int i) => CategoricalLogits.Of([|0|], k => 0);")),
        new("CategoricalLogits on double[]", DiagnosticIds.InvalidLikelihoodShape, Model("[Likelihood([|nameof(Y)|])] CategoricalLogits Obs(int i) => CategoricalLogits.Of(3, k => k * A);")),
        new("file partial class", DiagnosticIds.UnsupportedModelType, Header + "[Model]\nfile partial class [|F|]\n{\n    [Data] public double[] Y = [];\n    [Param] public double A;\n    [Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);\n}\n"),
        new("member named Describe", DiagnosticIds.ReservedMemberName, Model("public string [|Describe|]() => \"\";\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);")),
        new("member named __RequireLength", DiagnosticIds.ReservedMemberName, Model("void [|__RequireLength|](int a, string b) { }\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);")),
        new("member named Fit", DiagnosticIds.ReservedMemberName, Model("public int [|Fit|];\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);")),
        new("model named Fit", DiagnosticIds.ReservedMemberName, Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);", name: "[|Fit|]")),
        new("NormalPrior(0, -1)", DiagnosticIds.InvalidConstantArgument, Model("[Param, NormalPrior(0, [|-1|])] public double B;\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A + B, 1);")),
        new("NormalPrior(NaN, 1)", DiagnosticIds.InvalidConstantArgument, Model("[Param, NormalPrior([|double.NaN|], 1)] public double B;\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A + B, 1);")),
        new("GammaPrior(-1, 1)", DiagnosticIds.InvalidConstantArgument, Model("[Param(Lower = 0), GammaPrior([|-1|], 1)] public double B = 1;\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, B);")),
        new("ElasticNet(1, 2)", DiagnosticIds.InvalidConstantArgument, Model("[Param, ElasticNet(1, [|2|])] public double B;\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A + B, 1);")),
        new("L1 on a bounded parameter", DiagnosticIds.InvalidConstantArgument, Model("[Param(Lower = 0), L1([|0.5|])] public double B = 1;\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, B);")),
        new("new Normal(Mu, -1)", DiagnosticIds.InvalidConstantArgument, Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new Normal(A, [|-1|]);")),
        new("params helper", DiagnosticIds.UnsupportedConstruct, Model("double Pick(params double[] x) => x[0];\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(Pick([|A|], 1), 1);")),
        new("new Bernoulli(1.5)", DiagnosticIds.InvalidConstantArgument, Model("[Data] public int[] C = [];\n[Likelihood(nameof(C))] Bernoulli Obs(int i) => new([|1.5|]);")),
    ];

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidModel_Compiles(string name, string source)
    {
        var outcome = FuzzOracle.Run(source);
        Assert.True(outcome.Verdict == FuzzVerdict.Ok, name + ": " + outcome.Verdict + " " + outcome.Detail);
        Assert.Empty(CompilationHarness.RunAnalyzer(CompilationHarness.CreateCompilation(source)).Where(d => d.Id.StartsWith("MLE00", System.StringComparison.Ordinal)));
        GeneratorHarness.Run(source);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidModel_IsItsMleErrorOnly(string name, string id, string marked)
    {
        var source = MarkedSource.Parse(marked);
        var diagnostics = CompilationHarness.RunAnalyzer(CompilationHarness.CreateCompilation(source.Source))
            .Where(d => d.Id.StartsWith("MLE00", System.StringComparison.Ordinal))
            .ToList();
        Assert.True(diagnostics.Count == 1, name + ": " + string.Join("\n", diagnostics));
        Assert.Equal(id, diagnostics[0].Id);
        Assert.Equal(source.Spans.Single(), diagnostics[0].Location.SourceSpan);

        // The generated partial adds no error, and a Fit() call site compiles (no CS1061 cascade).
        var outcome = FuzzOracle.Run(source.Source);
        Assert.True(outcome.Verdict == FuzzVerdict.Ok, name + ": " + outcome.Verdict + " " + outcome.Detail);
    }

    [Fact]
    public void InvalidModel_FitCallSitesStillCompile()
    {
        string source = Model("[Param, NormalPrior(0, -1)] public double B;\n[Likelihood(nameof(Y))] Normal Obs(int i) => new(A + B, 1);")
            + "static class Caller { public static object Run(M m) => m.Fit(); }\n";
        var compilation = FuzzOracle.Compile(source);
        Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create([new MleGenerator().AsSourceGenerator()])
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _, TestContext.Current.CancellationToken);
        var errors = output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
