using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using MleGen.Generators.Diagnostics.Lint;
using MleGen.Generators.Families;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MleGen.Generators.Tests.Lint;

/// <summary>Every lint rule is documented and released; the family facts cover every family.</summary>
public class LintDescriptorTests
{
    private static string Root([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    [Fact]
    public void EveryLintRule_IsAWarningWithItsPageAndReleaseEntry()
    {
        var descriptors = new LintAnalyzer().SupportedDiagnostics;
        Assert.Equal(Enumerable.Range(101, 10).Select(n => "MLE0" + n), descriptors.Select(d => d.Id));
        string unshipped = File.ReadAllText(Path.Combine(Root(), "generators", "MleGen.Generators", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in descriptors)
        {
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.Equal("MleGen.Statistics", descriptor.Category);
            Assert.EndsWith("/docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.StartsWith("https://", descriptor.HelpLinkUri, StringComparison.Ordinal);
            string page = File.ReadAllText(Path.Combine(Root(), "docs", "diagnostics", descriptor.Id + ".md"));
            Assert.StartsWith("# " + descriptor.Id + ":", page, StringComparison.Ordinal);
            Assert.Contains("## Bad", page, StringComparison.Ordinal);
            Assert.Contains("## Fixed", page, StringComparison.Ordinal);
            Assert.Contains("## Statistics", page, StringComparison.Ordinal);
            Assert.Contains(descriptor.Id + " | MleGen.Statistics | Warning |", unshipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FamilyLintFacts_DescribeEveryFamily()
    {
        foreach (var family in Enum.GetValues<FamilyKind>().Where(f => f != FamilyKind.Custom))
        {
            var support = FamilyLintFacts.Support(family);
            var positive = FamilyLintFacts.PositiveArguments(family);
            int probability = FamilyLintFacts.ProbabilityArgument(family);
            int location = FamilyLintFacts.LocationArgument(family);
            var fused = FamilyLintFacts.FusedForms(family);
            Assert.Equal(probability >= 0, FamilyLintFacts.LogitForm(family) is not null);
            Assert.True(location < 0 || support == ObservationSupport.Continuous, family + ": a location argument is for continuous families");
            Assert.All(fused, f => Assert.NotEqual(ObservationSupport.Continuous, FamilyLintFacts.Support(f.Fused)));
            Assert.DoesNotContain(positive, p => p.Index == probability || p.Index == location);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => FamilyLintFacts.Support((FamilyKind)999));
    }

    /// <summary>
    /// MLE0103 and MLE0109 say a member is read by no likelihood term; SpecWalk knows where a spec reads
    /// members. When the spec grows (censoring members, custom log-likelihood terms, derived quantities), this
    /// fails until SpecWalk.ParametersRead/DataRead (and SpecWalk.Children for a new expression) read the new
    /// field too; otherwise those rules would report members the new feature does read.
    /// </summary>
    [Fact]
    public void TheSpecShapeIsTheOneTheLintWalks()
    {
        static string[] Fields(Type type) => type.GetConstructors().Single().GetParameters().Select(p => p.Name!).ToArray();
        Assert.Equal(["Namespace", "TypeName", "ContainingTypes", "Data", "Parameters", "Likelihoods"], Fields(typeof(ModelSpec)));
        Assert.Equal(["MethodName", "Observed", "Weights", "Family", "Arguments"], Fields(typeof(LikelihoodSpec)));
        var expressions = typeof(ExprSpec).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ExprSpec)) && !t.IsAbstract)
            .Select(t => t.Name)
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(
            ["BinarySpec", "ConditionalSpec", "ConstantSpec", "ConvertSpec", "DataReadSpec", "LambdaSpec", "LengthSpec", "MemberVectorSpec",
             "ObservationIndexSpec", "ParamReadSpec", "ReductionSpec", "UnarySpec", "VariableSpec"],
            expressions);
    }
}
