using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MleGen.Generators.Diagnostics.Lint;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace MleGen.Generators.Tests.Harness;

/// <summary>
/// Runs <see cref="LintAnalyzer"/> and its code fixes through Microsoft.CodeAnalysis.Testing. Its
/// <see cref="DefaultVerifier"/> throws plain exceptions on a mismatch, which xunit v3 reports as failures.
/// References: the host's trusted platform assemblies plus the MleGen runtime, like <see cref="CompilationHarness"/>;
/// the <see cref="ReferenceAssemblies"/> name no package, so nothing is downloaded at test time.
/// </summary>
public static class LintVerifier
{
    private static readonly ReferenceAssemblies NoDownload = new("net10.0");

    /// <summary>The framework assemblies a model source binds against (all of them would make every test compile ~170 references).</summary>
    private static readonly string[] FrameworkAssemblies = ["System.Private.CoreLib", "System.Runtime", "netstandard", "System.Collections", "System.Linq"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> HostReferences = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal))
            .Append(typeof(ModelAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>The usings every test model starts with.</summary>
    public const string Usings = """
        using System;
        using MleGen;
        using static MleGen.Functions;


        """;

    /// <summary>A diagnostic of <paramref name="id"/> expected at markup location <c>{|#n:…|}</c>.</summary>
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    /// <summary>Asserts that the lint reports exactly <paramref name="expected"/> (and the markup's <c>{|ID:…|}</c> spans) on <paramref name="source"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        Configure(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Asserts the diagnostics of <paramref name="source"/>, that <typeparamref name="TFix"/> turns it into <paramref name="fixedSource"/> (also as a fix-all), and the diagnostics left there.</summary>
    public static Task VerifyFixAsync<TFix>(string source, string fixedSource, DiagnosticResult[]? remaining = null)
        where TFix : CodeFixProvider, new()
    {
        var test = new FixTest<TFix> { TestCode = source, FixedCode = fixedSource };
        Configure(test.TestState);
        Configure(test.FixedState);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining ?? []);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static void Configure(SolutionState state)
    {
        state.ReferenceAssemblies = NoDownload;
        state.AdditionalReferences.AddRange(HostReferences.Value);
    }

    private sealed class AnalyzerTest : CSharpAnalyzerTest<LintAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest() => ReferenceAssemblies = NoDownload;
    }

    private sealed class FixTest<TFix> : CSharpCodeFixTest<LintAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        public FixTest() => ReferenceAssemblies = NoDownload;
    }
}
