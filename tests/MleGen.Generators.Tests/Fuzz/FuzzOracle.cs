using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MleGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MleGen.Generators.Tests.Fuzz;

/// <summary>What went wrong with one input, if anything.</summary>
internal enum FuzzVerdict
{
    Ok,

    /// <summary>The generator threw (CS8785) or the analyzer threw (AD0001).</summary>
    Exception,

    /// <summary>Generated code with compile errors, and no MLE00xx error and no C# error in the user's own code to explain it.</summary>
    UncompilableOutput,

    /// <summary>A [Model] without MLE00xx errors whose user code compiles, but nothing implements IMleModel on it.</summary>
    NoOutput,

    /// <summary>Generator plus analyzer took longer than the hang guard.</summary>
    Timeout,
}

/// <summary>One input run through the real generator and <see cref="ModelAnalyzer"/>, and the verdict.</summary>
internal sealed record FuzzOutcome(FuzzVerdict Verdict, string Detail, TimeSpan Elapsed);

/// <summary>
/// Runs a source through <see cref="MleGenerator"/> and <see cref="ModelAnalyzer"/> in-process (Roslyn 4.8, the
/// version the package targets) and judges the result by the promises of the project: the generator never throws,
/// never emits code that does not compile unless an MLE00xx error says why, gives every valid model its code, and
/// finishes in bounded time.
/// </summary>
internal static class FuzzOracle
{
    /// <summary>A hang guard, not a speed claim: the slowest seed takes well under a second.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    /// <summary>The assemblies a model binds against (all ~170 of the host's would make every compilation slower).</summary>
    private static readonly string[] FrameworkAssemblies =
        ["System.Private.CoreLib", "System.Runtime", "netstandard", "System.Collections", "System.Linq", "System.Memory", "System.Runtime.Intrinsics", "System.Numerics.Vectors"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal))
            .Append(typeof(ModelAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    public static CSharpCompilation Compile(string source) =>
        CSharpCompilation.Create(
            "Fuzz",
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Model.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static FuzzOutcome Run(string source)
    {
        var clock = Stopwatch.StartNew();
        var compilation = Compile(source);
        var driver = CSharpGeneratorDriver.Create([new MleGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Exception? analyzerException = null;
        var analyzerDiagnostics = compilation
            .WithAnalyzers(
                [new ModelAnalyzer()],
                new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (e, _, _) => analyzerException ??= e, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        var elapsed = clock.Elapsed;

        var thrown = generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (thrown.Count > 0 || analyzerException is not null || analyzerDiagnostics.Any(d => d.Id == "AD0001"))
        {
            return new(FuzzVerdict.Exception, string.Join("\n", thrown.Select(d => d.ToString())) + analyzerException, elapsed);
        }

        if (elapsed > Budget)
        {
            // The budget is for MleGen's own work: a source Roslyn itself takes long to bind (a sum of 20,000 terms)
            // gets that time on top (the generator and the analyzer each bind the model once).
            var compileClock = Stopwatch.StartNew();
            Compile(source).GetDiagnostics();
            var allowed = Budget + (3 * compileClock.Elapsed);
            if (elapsed > allowed)
            {
                return new(FuzzVerdict.Timeout, $"{elapsed.TotalSeconds:F1} s (budget {allowed.TotalSeconds:F1} s)", elapsed);
            }
        }

        bool hasMleError = analyzerDiagnostics.Any(d => d.Id.StartsWith("MLE00", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        if (hasMleError)
        {
            // The user is told what is wrong; the generated code (a minimal partial) must still not add errors of its own.
            var generatedErrors = GeneratedErrors(compilation, output);
            return generatedErrors.Count > 0
                ? new(FuzzVerdict.UncompilableOutput, "beside an MLE error:\n" + string.Join("\n", generatedErrors), elapsed)
                : new(FuzzVerdict.Ok, string.Empty, elapsed);
        }

        var errorsInGenerated = GeneratedErrors(compilation, output);
        bool userCodeCompiles = !compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        if (!userCodeCompiles)
        {
            // C# errors in the user's own code come first; what follows from them is the compiler's cascade.
            return new(FuzzVerdict.Ok, string.Empty, elapsed);
        }

        if (errorsInGenerated.Count > 0)
        {
            return new(FuzzVerdict.UncompilableOutput, string.Join("\n", errorsInGenerated), elapsed);
        }

        var modelInterface = output.GetTypeByMetadataName("MleGen.IMleModel");
        foreach (var type in ModelTypes(output))
        {
            if (!type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, modelInterface)))
            {
                return new(FuzzVerdict.NoOutput, type.ToDisplayString(), elapsed);
            }
        }

        return new(FuzzVerdict.Ok, string.Empty, elapsed);
    }

    /// <summary>
    /// Errors and warnings in the generated files, at warning level 9999 (every warning wave on): a warning there breaks
    /// a user's build under TreatWarningsAsErrors, and the user cannot fix it.
    /// </summary>
    private static List<string> GeneratedErrors(Compilation input, Compilation output)
    {
        var userTrees = input.SyntaxTrees.ToHashSet();
        return output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && !userTrees.Contains(tree))
            .Select(d => d.ToString())
            .ToList();
    }

    private static IEnumerable<INamedTypeSymbol> ModelTypes(Compilation compilation)
    {
        var attribute = compilation.GetTypeByMetadataName("MleGen.ModelAttribute");
        var tree = compilation.SyntaxTrees.First();
        var semanticModel = compilation.GetSemanticModel(tree);
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
        {
            if (semanticModel.GetDeclaredSymbol(declaration) is INamedTypeSymbol type
                && type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
            {
                yield return type;
            }
        }
    }
}
