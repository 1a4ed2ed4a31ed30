using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MleGen.Generators.Tests.Harness;
using MleGen.Generators.Tests.Parsing;
using Xunit;

namespace MleGen.Generators.Tests.Generation;

/// <summary>The generator's incremental steps: unrelated edits reuse the cached outputs, and no Roslyn object is kept in the pipeline.</summary>
public class IncrementalityTests
{
    private const string Model = """
        using MleGen;
        using static MleGen.Functions;

        namespace Demo;

        [Model]
        public partial class Logistic
        {
            [Data] public required double[,] X;
            [Data] public required int[] Y;
            [Param] public double[] Beta = [];

            [Likelihood(nameof(Y))]
            BernoulliLogit Observation(int i) => new(Dot(Beta, X, i));
        }
        """;

    private static GeneratorDriver RunTwice(Func<CSharpCompilation, CSharpCompilation> edit, out GeneratorRunResult second)
    {
        var compilation = CompilationHarness.CreateCompilation(Model);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        driver = driver.RunGenerators(edit(compilation));
        second = driver.GetRunResult().Results.Single();
        return driver;
    }

    [Fact]
    public void RerunOnTheSameCompilationIsCached()
    {
        RunTwice(c => c, out var second);
        AssertAllReused(second);
    }

    [Fact]
    public void UnrelatedEditLeavesTheModelStepsCachedOrUnchanged()
    {
        RunTwice(c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo { public class Unrelated { public int Value => 42; } }", (CSharpParseOptions)c.SyntaxTrees[0].Options)), out var second);
        AssertAllReused(second);
    }

    [Fact]
    public void EditingTheModelModifiesItsOutput()
    {
        RunTwice(c =>
        {
            var tree = c.SyntaxTrees[0];
            var edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Model.Replace("new(Dot(Beta, X, i))", "new(2 * Dot(Beta, X, i))")));
            return c.ReplaceSyntaxTree(tree, edited);
        }, out var second);
        var outputs = second.TrackedSteps[MleGenerator.SourceStep].SelectMany(step => step.Outputs).ToList();
        Assert.Contains(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void MovingTheModelInItsFileReRunsOnlyItsLocation()
    {
        RunTwice(c =>
        {
            var tree = c.SyntaxTrees[0];
            var edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("// a comment above the model\n" + Model));
            return c.ReplaceSyntaxTree(tree, edited);
        }, out var second);
        foreach (var output in second.TrackedSteps[MleGenerator.SourceStep].SelectMany(step => step.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "the emission was " + output.Reason);
        }

        Assert.Contains(second.TrackedSteps[MleGenerator.LocationStep].SelectMany(step => step.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void NoStepOutputHoldsARoslynObject()
    {
        RunTwice(c => c, out var second);
        foreach (var name in new[] { MleGenerator.SpecStep, MleGenerator.SourceStep, MleGenerator.LocationStep })
        {
            foreach (var output in second.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                AssertNoRoslynObject(output.Value, name, depth: 0);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RobustnessTests.Sources), MemberType = typeof(RobustnessTests))]
    public void TheGeneratorNeverThrowsOnMalformedCode(string source)
    {
        var compilation = CompilationHarness.CreateCompilation(source);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
    }

    private static void AssertAllReused(GeneratorRunResult result)
    {
        foreach (var name in new[] { MleGenerator.SpecStep, MleGenerator.SourceStep, MleGenerator.LocationStep })
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), "missing step " + name);
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " was " + output.Reason);
            }
        }
    }

    private static void AssertNoRoslynObject(object? value, string step, int depth)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location or AttributeData or SyntaxTree, step + " holds a " + type.Name);
        Assert.False(type.IsArray, step + " holds a plain array (compared by reference): " + type.Name);
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObject(item, step, depth + 1);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertNoRoslynObject(property.GetValue(value), step, depth + 1);
        }
    }
}
