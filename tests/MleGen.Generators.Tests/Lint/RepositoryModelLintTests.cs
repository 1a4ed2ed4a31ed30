using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Diagnostics.Lint;
using MleGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace MleGen.Generators.Tests.Lint;

/// <summary>
/// The false-alarm check: every [Model] in the repository's tests, benchmarks and samples, linted as
/// the build lints them. The warnings must be exactly the flaws listed here, each one a real flaw the model
/// has on purpose (and suppressed in its source with the same reason); anything else is a false alarm.
/// </summary>
public class RepositoryModelLintTests
{
    /// <summary>The models that really have a flaw, and why they keep it.</summary>
    private static readonly (string Type, string Id, string Member, string Why)[] KnownFlaws =
    [
        ("BernoulliModel", DiagnosticIds.UnfusedLink, "Observation",
            "Bernoulli(Logistic(η)) on purpose: it is the end-to-end test of the plain Bernoulli family's generated code"),
        ("UnboundedScaleModel", DiagnosticIds.UnboundedScale, "Scale",
            "a scale without Lower = 0 on purpose: the test that a start below zero is an error naming that scale"),
        ("SettablePoissonModel", DiagnosticIds.UnfusedLink, "Observation",
            "Poisson(Math.Exp(η)) on purpose: it is the end-to-end test of the plain Poisson family with an exp link"),
        ("PoissonModel", DiagnosticIds.UnfusedLink, "Observation",
            "Poisson(Math.Exp(η)) on purpose: the end-to-end test of the plain Poisson family"),
        ("BinomialModel", DiagnosticIds.UnfusedLink, "Observation",
            "Binomial(n, Logistic(η)) on purpose: the end-to-end test of the plain Binomial family"),
        ("CategoricalNoReferenceModel", DiagnosticIds.NoReferenceClass, "Observation",
            "a softmax without a reference class on purpose: the test that the generated code handles an over-parameterized softmax"),
        ("NormalMixtureModel", DiagnosticIds.CollapsibleMixture, "Sds",
            "a plain maximum-likelihood mixture on purpose: the test that the mixture's generated code matches its oracle"),
        ("MixtureModel", DiagnosticIds.CollapsibleMixture, "Sds",
            "the benchmark times the plain mixture likelihood against a hand-written loop of the same model"),
        ("KnownWeightsMixtureModel", DiagnosticIds.CollapsibleMixture, "Sds",
            "the tests evaluate this model's data checks, they never fit it"),
        ("MixtureFailureModel", DiagnosticIds.CollapsibleMixture, "Sds",
            "the plain maximum-likelihood mixture on purpose: the run-time check MLE1002 must report its collapse"),
        ("NormalMixtureBoundary", DiagnosticIds.CollapsibleMixture, "S",
            "evaluated at fixed values against the family's density, never fitted"),
        ("CensoredMixtureModel", DiagnosticIds.CollapsibleMixture, "Sds",
            "evaluated against the family's LogCdf/LogCcdf and finite differences, never fitted"),
        ("TruncatedMixtureModel", DiagnosticIds.CollapsibleMixture, "Sds",
            "evaluated against the renormalized family density and finite differences, never fitted"),
        ("EdgeTruncatedPoisson", DiagnosticIds.UnfusedLink, "Observation",
            "Poisson(Math.Exp(η)) on purpose: the plain Poisson family's truncation at the support's edge"),
        ("EdgePlainPoisson", DiagnosticIds.UnfusedLink, "Observation",
            "Poisson(Math.Exp(η)) on purpose: the untruncated twin of EdgeTruncatedPoisson"),
        ("EdgeTruncatedNormalMixture", DiagnosticIds.CollapsibleMixture, "Sds",
            "evaluated at fixed points against its untruncated twin and the renormalized density, never fitted"),
        ("EdgePlainNormalMixture", DiagnosticIds.CollapsibleMixture, "Sds",
            "the untruncated twin of EdgeTruncatedNormalMixture, evaluated, never fitted"),
    ];

    private static readonly Regex ModelAttributeLine = new(@"^\s*\[Model\]", RegexOptions.Multiline);

    [Fact]
    public async System.Threading.Tasks.Task RepositoryModels_HaveNoLintButTheirKnownFlaws()
    {
        var files = ModelFiles();
        int declaredModels = files.Sum(file => ModelAttributeLine.Matches(File.ReadAllText(file)).Count);
        var compilation = Compile(files);

        // Lint runs only on models that parse (no MLE00xx error): every model must, or the check covers less than it says.
        var parsed = ParsedModels(compilation);
        Assert.Equal(declaredModels, parsed);
        Assert.True(parsed >= 40, $"only {parsed} models found: the scan of the repository went wrong");

        var diagnostics = await compilation
            .WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new LintAnalyzer(), new ModelAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("MLE00", StringComparison.Ordinal));

        var found = diagnostics
            .Select(d => (Type: EnclosingType(d, compilation), d.Id, Member: MemberAt(d)))
            .OrderBy(x => x.Type, StringComparer.Ordinal)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();
        var expected = KnownFlaws
            .Select(k => (k.Type, k.Id, k.Member))
            .OrderBy(x => x.Type, StringComparer.Ordinal)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, found);

        // Each known flaw is suppressed in its source with its reason, so the repository's own builds stay quiet.
        Assert.All(diagnostics, d => Assert.True(d.IsSuppressed, $"{d.Id} at {d.Location.GetLineSpan()} is not suppressed in its source"));
    }

    /// <summary>The .cs files of tests, benchmarks and samples that declare a [Model], plus what they implement.</summary>
    private static List<string> ModelFiles([CallerFilePath] string thisFile = "")
    {
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
        var folders = new[] { Path.Combine(root, "tests", "MleGen.Tests"), Path.Combine(root, "tests", "MleGen.Benchmarks"), Path.Combine(root, "samples") };
        return folders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(path => ModelAttributeLine.IsMatch(File.ReadAllText(path)) || Path.GetFileName(path) == "IOracleModel.cs")
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The model files in one compilation, without the generator: the lint reads only the user's source, and
    /// compiling the generated code of every model would cost the suite half a minute. (Models implementing
    /// IOracleModel lack the generated IMleModel members here; that error does not touch their parse.)
    /// </summary>
    private static Compilation Compile(List<string> files)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, path)).ToList();
        return CompilationHarness.CreateCompilation([]).AddSyntaxTrees(trees);
    }

    /// <summary>How many [Model] classes parse into a spec (the generator's and the lint's input).</summary>
    private static int ParsedModels(Compilation compilation)
    {
        var modelAttribute = compilation.GetTypeByMetadataName("MleGen.ModelAttribute");
        int count = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var semanticModel = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
            {
                if (semanticModel.GetDeclaredSymbol(declaration) is INamedTypeSymbol type
                    && type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, modelAttribute))
                    && MleGen.Generators.Parsing.ModelParser.Parse(type, semanticModel, TestContext.Current.CancellationToken).Spec is not null)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static string EnclosingType(Diagnostic diagnostic, Compilation compilation)
    {
        var tree = diagnostic.Location.SourceTree!;
        var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan);
        var type = node.AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().First();
        return type.Identifier.ValueText;
    }

    private static string MemberAt(Diagnostic diagnostic)
    {
        var node = diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan);
        return node.AncestorsAndSelf().Select(n => n switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax v => v.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax p => p.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax m => m.Identifier.ValueText,
            _ => null,
        }).First(name => name is not null)!;
    }
}
