using System.Linq;
using MleGen.Generators.Common;
using MleGen.Generators.Emit;
using MleGen.Generators.Specs;
using MleGen.Generators.Tests.Harness;
using Xunit;

namespace MleGen.Generators.Tests.Robustness;

/// <summary>
/// An inconsistency inside the generator becomes MLE0026 naming the model and the minimal partial — never an exception
/// out of the generator and never wrong code. The inconsistency is made by hand: a spec whose family does not match
/// its arguments (a Normal's two scalars handed to CategoricalLogits, which needs a logit lambda).
/// </summary>
public class InternalErrorTests
{
    private const string Source = """
        using MleGen;

        namespace N;

        [Model]
        public partial class M
        {
            [Data] public required int[] Y { get; init; }
            [Param] public double Mu;
            [Param(Lower = 0)] public double Sigma = 1;

            [Likelihood(nameof(Y))]
            Normal Observation(int i) => new(Mu, Sigma);
        }
        """;

    [Fact]
    public void AnInconsistentSpecGivesTheStubAndTheMessageNotCode()
    {
        var target = CompilationHarness.ParseModel(Source).Target!;
        var spec = target.Spec!;
        var broken = target with { Spec = spec with { Likelihoods = EquatableArray.Create(spec.Likelihoods[0] with { Family = FamilyKind.CategoricalLogits }) } };

        var healthy = ModelEmitter.EmitModel(target);
        Assert.Null(healthy.InternalError);
        Assert.Contains("NegativeLogLikelihood", healthy.Source, System.StringComparison.Ordinal);

        var model = ModelEmitter.EmitModel(broken);
        Assert.Equal("N.M.g.cs", model.HintName);
        Assert.Equal("CategoricalLogits lowered without its logit lambda", model.InternalError);
        Assert.Equal(ModelEmitter.EmitStub(broken), model.Source);
        Assert.DoesNotContain("NegativeLogLikelihood", model.Source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void TheDiagnosticNamesTheModelAndAsksForAReport()
    {
        var descriptor = MleGen.Generators.Diagnostics.DiagnosticDescriptors.InternalError;
        Assert.Equal("MLE0026", descriptor.Id);
        var diagnostic = Microsoft.CodeAnalysis.Diagnostic.Create(descriptor, Microsoft.CodeAnalysis.Location.None, "N.M", "no derivative of Trigamma");
        Assert.Equal("Internal error in MleGen while compiling the model 'N.M', please report: no derivative of Trigamma", diagnostic.GetMessage());
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
    }

    /// <summary>
    /// MLE0026 is reported at the model's name: the generator keeps each model's declaration as plain values under the
    /// hint name of its file (nested types included) and looks the erring model up there.
    /// </summary>
    [Theory]
    [InlineData("", "N.M.g.cs", "M")]
    [InlineData("public partial class Outer {", "N.Outer.Inner.g.cs", "Inner")]
    public void TheLocationOfAModelIsItsNameUnderItsFilesHintName(string wrapper, string hintName, string typeName)
    {
        string source = wrapper.Length == 0
            ? Source
            : Source.Replace("[Model]", wrapper + " [Model]", System.StringComparison.Ordinal).Replace("class M", "class Inner", System.StringComparison.Ordinal) + "}";
        var compilation = CompilationHarness.CreateCompilation(source);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        Assert.Equal(hintName, Assert.Single(result.GeneratedSources).HintName);
        var location = Assert.IsType<ModelLocation>(Assert.Single(result.TrackedSteps[MleGenerator.LocationStep].SelectMany(s => s.Outputs)).Value);
        Assert.Equal(hintName, location.HintName);
        var roslyn = location.ToLocation();
        Assert.Equal(typeName, compilation.SyntaxTrees[0].GetText(TestContext.Current.CancellationToken).ToString(roslyn.SourceSpan));
        int line = source.Split('\n').ToList().FindIndex(l => l.Contains("class " + typeName, System.StringComparison.Ordinal));
        Assert.Equal(line, roslyn.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void AValidModelRaisesNoInternalError()
    {
        var result = GeneratorHarness.Run(Source);
        Assert.Single(result.GeneratedSources);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "MLE0026");
    }

    /// <summary>
    /// Found by the fuzz once the printer failed loud: BernoulliLogit reads η under y ? η : 0 before softplus(η); a
    /// Dot with a computed row index is not safe inside a branch, and the scheduler never computed it outside either, so
    /// the old printer wrote <c>double.NaN</c> into the NLL. Now it is computed, and the code has no NaN.
    /// </summary>
    [Fact]
    public void AReductionReachedFirstInsideABranchIsComputedOutsideIt()
    {
        var result = GeneratorHarness.Run("""
            using MleGen;
            using static MleGen.Functions;

            namespace N;

            [Model]
            public partial class M
            {
                [Data] public required double[,] X { get; init; }
                [Data] public required int[] Y { get; init; }
                [Param] public double Intercept;
                [Param] public double[] Beta = [];

                [Likelihood(nameof(Y))]
                BernoulliLogit Observation(int i) => new(Intercept + Dot(Beta, X, i + i));
            }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "MLE0026");
        var source = Assert.Single(result.GeneratedSources).SourceText.ToString();
        Assert.DoesNotContain("double.NaN", source, System.StringComparison.Ordinal);
    }
}
