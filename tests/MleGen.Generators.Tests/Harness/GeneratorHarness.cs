using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MleGen.Generators.Tests.Harness;

/// <summary>Runs the real <see cref="MleGenerator"/> over in-memory compilations, tracking its incremental steps.</summary>
public static class GeneratorHarness
{
    /// <summary>A driver with step tracking on, ready to run over compilations.</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new MleGenerator().AsSourceGenerator() },
            parseOptions: CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Generates for <paramref name="source"/> and asserts the result compiles without errors.</summary>
    public static GeneratorRunResult Run(string source) => Run(CompilationHarness.CreateCompilation(source));

    /// <summary>Generates for <paramref name="compilation"/> and asserts the result compiles without errors and the generated files without warnings.</summary>
    public static GeneratorRunResult Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.True(errors.IsEmpty, "The generated code does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));

        // Warnings in the generated files would break consumers who treat warnings as errors (an unused field did).
        var warnings = output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && !compilation.SyntaxTrees.Contains(tree))
            .ToImmutableArray();
        Assert.True(warnings.IsEmpty, "The generated code has warnings:\n" + string.Join("\n", warnings.Select(e => e.ToString())));
        return driver.GetRunResult().Results.Single();
    }

    /// <summary>The generated files by hint name.</summary>
    public static ImmutableDictionary<string, string> Sources(GeneratorRunResult result) =>
        result.GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());
}
