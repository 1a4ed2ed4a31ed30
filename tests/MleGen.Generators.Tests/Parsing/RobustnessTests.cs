using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Parsing;
using MleGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MleGen.Generators.Tests.Parsing;

/// <summary>Half-typed and malformed models: the parser and the analyzer must never throw.</summary>
public class RobustnessTests
{
    private const string Header = "using System;\nusing MleGen;\nusing static MleGen.Functions;\n";

    private static string Model(string body) =>
        Header + "[Model]\npublic partial class M\n{\n    [Data] public double[] Y = [];\n    [Param] public double A;\n" + body + "\n}\n";

    public static IEnumerable<TheoryDataRow<string>> Sources() =>
    [
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i)")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) =>")),
        new(Model("[Likelihood(")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new Normal(")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, ")),
        new(Model("[Data] public Foo[] Z; [Likelihood(nameof(Z))] Bar Obs(int i) => new(1);")),
        new(Model("[Param] public double[]")),
        new(Header + "[Model] public partial class"),
        new(Header + "[Model] public partial class M {"),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(Q + 1, Unknown(i));")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) { var x = ; return new(x, 1); }")),
        new(Model("[Likelihood(null)] Normal Obs(int i) => new(A, 1);")),
        new(Model("[Likelihood(nameof(Y), Weights = 3)] Normal Obs(int i) => new(A, 1);")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(Sum(3, ), 1);")),
        new(Model("[Data] public int[] C = []; [Likelihood(nameof(C))] CategoricalLogits Obs(int i) => CategoricalLogits.Of(3, k => );")),
        new(Model("[Param(Lower = )] public double B;")),
        new(Model("[NormalPrior(0)] [Param] public double B; [L2] [Param] public double D;")),
        new(Model("double F(int i); [Likelihood(nameof(Y))] Normal Obs(int i) => new(F(i), 1);")),
        new(Model("partial double G(int i); [Likelihood(nameof(Y))] Normal Obs(int i) => new(G(i), 1);")),
        new(Header + "[Model] public partial struct S { [Data] public double[] Y; [Likelihood(nameof(Y))] Normal Obs(int i) => new(0, 1); }"),
        new(Header + "[Model] public static partial class St { }"),
        new(Header + "[Model] public partial interface I { }"),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(Y[i, 2] + Y[^1] + Y[1..2].Length, 1);")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(this, base.ToString());")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(i switch { 0 => 1.0, _ => A }, 1);")),
        new(Model("double H(int j) => j; [Likelihood(nameof(Y))] Normal Obs(int i) => new(Sum(3, H) + Sum(3, (int j, int k) => 1) + Sum(3, j => { return 1; }), 1);")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(__arglist) => new(A, 1); [Likelihood(nameof(Y))] Normal Obs2(params int[] i) => new(A, 1);")),
        new(Model("[Data] public double[] Y = []; [Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1);")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => Obs(i);")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(((((((((A)))))))), 1) with { };")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(ref int i) => new(A, 1); [Likelihood(nameof(Y))] Normal Obs3(int i) => new(Math.Log(A, 2), Math.Abs(i));")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) { return; }")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) { }")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) { var f = new Normal(A, 1); return f; }")),
        new(Model("[Likelihood(nameof(Y))] NormalMixture Obs(int i) => new(Y, Y);")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(F(x: 1, x: 2), 1); double F(double x, double y = 2) => x * y;")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(1 / 0, 1L + 2m + 'c');")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(A is 0 ? 1 : 2, A as object);")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(Dot(Y), Dot(Y, Y, Y));")),
        new(Model("[Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 1); [Likelihood(nameof(Y))] Normal Obs(int i) => new(A, 2);")),
        new(Header + "namespace N { [Model] public partial class M<T> where T : [Data] { } }"),
        new("[Model] class NoUsings { [Data] double[] Y; [Likelihood(nameof(Y))] Normal Obs(int i) => new(0, 1); }"),
        new(""),
        new("}}}{{{ [Model] [Data] [Param] [Likelihood("),
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public void ParserAndAnalyzerNeverThrow(string source)
    {
        var compilation = CompilationHarness.CreateCompilation(source);

        var analyzerDiagnostics = CompilationHarness.RunAnalyzer(compilation);
        Assert.DoesNotContain(analyzerDiagnostics, d => d.Id == "AD0001");

        // Parse every type declared in the source, [Model] or not.
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        foreach (var declaration in tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
        {
            if (model.GetDeclaredSymbol(declaration, TestContext.Current.CancellationToken) is INamedTypeSymbol type)
            {
                var result = ModelParser.Parse(type, model, TestContext.Current.CancellationToken);
                Assert.False(result.Diagnostics.IsDefault);
                if (CompilationHarness.CompilerErrors(compilation).Length > 0)
                {
                    Assert.True(result.Spec is null, source + "\n" + string.Join("\n", CompilationHarness.CompilerErrors(compilation)));
                }
            }
        }
    }
}
