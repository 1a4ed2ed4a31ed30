using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MleGen.Generators;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Diagnostics.Lint;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MleGen.Benchmarks.AnalyzerCost;

/// <summary>
/// What one edit of one model costs in a project of 50 (<see cref="CostModels"/>), as the IDE pays it: every
/// keystroke makes a new compilation; the generator's incremental driver re-runs on it, and the analyzers
/// re-analyze the edited document. The edit changes a start value, so the model's spec and generated code
/// stay the same (the emit step is cached; the parse is not: ForAttributeWithMetadataName re-runs the
/// transform of every model on a new compilation).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class EditCostBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private SyntaxTree _edited = null!;
    private GeneratorDriver _driver = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = CostModels.Files().Select(f => CSharpSyntaxTree.ParseText(f.Source, options, f.FileName)).ToList();
        var references = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(ModelAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        _compilation = CSharpCompilation.Create("Cost", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _driver = CSharpGeneratorDriver.Create([new MleGenerator().AsSourceGenerator()], parseOptions: options).RunGenerators(_compilation);
        _edited = trees[0];
    }

    /// <summary>A new compilation with Linear0's start value of Sigma changed (a different value each call).</summary>
    private CSharpCompilation Edit()
    {
        var text = _edited.GetText();
        int at = text.ToString().IndexOf("Sigma = ", StringComparison.Ordinal) + "Sigma = ".Length;
        int end = text.ToString().IndexOf(';', at);
        var edited = _edited.WithChangedText(text.WithChanges(new TextChange(TextSpan.FromBounds(at, end), (++_edit % 1000 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        _compilation = _compilation.ReplaceSyntaxTree(_edited, edited);
        _edited = edited;
        return _compilation;
    }

    [Benchmark(Description = "generator after an edit (50 models)")]
    public GeneratorDriver GeneratorAfterEdit() => _driver = _driver.RunGenerators(Edit());

    [Benchmark(Description = "both analyzers on the edited document")]
    public ImmutableArray<Diagnostic> AnalyzersOnEditedDocument() => Analyze(new LintAnalyzer(), new ModelAnalyzer());

    [Benchmark(Description = "the lint alone on the edited document")]
    public ImmutableArray<Diagnostic> LintOnEditedDocument() => Analyze(new LintAnalyzer());

    private ImmutableArray<Diagnostic> Analyze(params DiagnosticAnalyzer[] analyzers)
    {
        var compilation = Edit();
        return compilation
            .WithAnalyzers(analyzers.ToImmutableArray())
            .GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(_edited), null, default)
            .GetAwaiter()
            .GetResult();
    }
}
