using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MleGen.Generators.Tests.Harness;

/// <summary>Builds in-memory compilations of model sources against the host's framework and the MleGen runtime.</summary>
public static class CompilationHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>A library compilation of <paramref name="source"/> (C# latest, nullable enabled) against the runtime.</summary>
    public static CSharpCompilation CreateCompilation(string source) => CreateCompilation(new[] { source });

    /// <summary>A compilation of several files, <c>Model.cs</c>, <c>Model1.cs</c>, …, for models split over partial declarations.</summary>
    public static CSharpCompilation CreateCompilation(IReadOnlyList<string> sources)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = sources
            .Select((source, k) => CSharpSyntaxTree.ParseText(source, options, path: k == 0 ? "Model.cs" : $"Model{k}.cs"))
            .ToList();
        return CSharpCompilation.Create(
            "ModelTests",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Runs <see cref="ModelAnalyzer"/> over <paramref name="compilation"/>.</summary>
    public static ImmutableArray<Diagnostic> RunAnalyzer(CSharpCompilation compilation) =>
        compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer()))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();

    /// <summary>Parses every <c>[Model]</c> type declared in the first tree of <paramref name="compilation"/>.</summary>
    internal static ImmutableArray<ParseResult> ParseModels(CSharpCompilation compilation)
    {
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var modelAttribute = compilation.GetTypeByMetadataName("MleGen.ModelAttribute");
        var results = ImmutableArray.CreateBuilder<ParseResult>();
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
        {
            if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type
                && type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, modelAttribute))
                && type.DeclaringSyntaxReferences[0].GetSyntax() == declaration)
            {
                results.Add(ModelParser.Parse(type, model, default));
            }
        }

        return results.ToImmutable();
    }

    /// <summary>Parses the single model of <paramref name="source"/>.</summary>
    internal static ParseResult ParseModel(string source) => ParseModels(CreateCompilation(source)).Single();

    /// <summary>The compiler's own errors, to check that a test source is valid C#.</summary>
    public static ImmutableArray<Diagnostic> CompilerErrors(CSharpCompilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        paths.Add(typeof(ModelAttribute).Assembly.Location);
        return paths
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
