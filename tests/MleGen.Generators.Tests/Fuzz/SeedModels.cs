using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Tests.Fuzz;

/// <summary>
/// The fuzzer's seeds: every <c>[Model]</c> class of the repository's tests, benchmarks and samples, cut out
/// of its file into a source of its own (the file's usings, one namespace, the class without base types), plus
/// a few small models for features the repository models use rarely.
/// </summary>
internal static class SeedModels
{
    private const string Usings = "using System;\nusing MleGen;\nusing static MleGen.Functions;\n\nnamespace Fuzz;\n\n";

    /// <summary>Hand-written seeds: each covers a construct the mutations should reach (categorical, helpers, loops, priors, bounds).</summary>
    private static readonly string[] Extra =
    [
        """
        [Model]
        public partial class Softmax
        {
            [Data] public required int[] Y { get; init; }
            [Data] public required double[] X { get; init; }
            [Param] public double A;
            [Param] public double[] Alpha = new double[2];
            [Param, NormalPrior(0, 10)] public double Beta;

            [Likelihood(nameof(Y))]
            CategoricalLogits Observation(int i) => CategoricalLogits.Of(3, k => k == 0 ? 0 : Alpha[k - 1] + Beta * X[i]);
        }
        """,
        """
        [Model]
        public partial class Helpers
        {
            [Data] public required double[] Y { get; init; }
            [Data] public required double[] X { get; init; }
            [Param] public double A;
            [Param, L1(0.5)] public double B;
            [Param(Lower = 0), GammaPrior(2, 1)] public double Sigma = 1;

            double Line(int i) => A + B * X[i];
            double Twice(double v) => v + v;

            [Likelihood(nameof(Y))]
            Normal Observation(int i)
            {
                var eta = Twice(Line(i)) / 2;
                return new(eta + Sum(3, k => 0.1 * k * X[i]), Sigma);
            }
        }
        """,
    ];

    private static List<string>? _sources;

    /// <summary>The seed sources, in a fixed order.</summary>
    public static IReadOnlyList<string> Sources([CallerFilePath] string thisFile = "")
    {
        if (_sources is not null)
        {
            return _sources;
        }

        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
        var folders = new[] { Path.Combine(root, "tests", "MleGen.Tests"), Path.Combine(root, "tests", "MleGen.Benchmarks"), Path.Combine(root, "samples") };
        var files = folders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal);

        var sources = new List<string>();
        foreach (var file in files)
        {
            string text = File.ReadAllText(file);
            if (!text.Contains("[Model", StringComparison.Ordinal))
            {
                continue;
            }

            var root0 = CSharpSyntaxTree.ParseText(text).GetRoot();
            foreach (var declaration in root0.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "Model" or "MleGen.Model"))
                {
                    // The oracle methods of the end-to-end models call test helpers the seed does not carry.
                    var oracles = declaration.Members.OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.ValueText == "OracleNll");
                    var standalone = declaration.RemoveNodes(oracles, SyntaxRemoveOptions.KeepNoTrivia)!.WithBaseList(null).WithLeadingTrivia().WithTrailingTrivia();
                    sources.Add(Usings + standalone.ToFullString() + "\n");
                }
            }
        }

        sources.AddRange(Extra.Select(model => Usings + model + "\n"));

        // A model cut out of its file may still lean on the file's other types; only the self-contained ones are seeds.
        _sources = sources
            .Where(source => !FuzzOracle.Compile(source).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            .ToList();
        return sources;
    }
}
