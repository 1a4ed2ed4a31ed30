using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using MleGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MleGen.Generators.Tests.Documentation;

/// <summary>
/// Every C# block of the README and of docs/guide compiles with the real generator. The blocks of one page form
/// one program: blocks that declare types are files; the other blocks, in order, are the body of one method, in
/// a class whose fields stand for the reader's data (<see cref="DataFields"/>), under the usings of
/// <see cref="Usings"/> (a block's own leading usings are hoisted).
/// </summary>
public class DocumentationTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using MleGen;
        using MleGen.Mpi;
        using MleGen.Plots;
        using Microsoft.Data.Analysis;
        using static MleGen.Functions;

        """;

    /// <summary>The data a page's statements may use, as guide/README.md lists them.</summary>
    private const string DataFields = """
            static double[,] x = new double[54, 3];
            static double[] y = new double[54];
            static int[] counts = new int[54];
            static bool[] success = new bool[54];
            static string[] wool = new string[54];
            static string[] tension = new string[54];
            static int[] breaks = new int[54];
            static string[] args = [];
        """;

    private static readonly Regex Fence = new(@"^```csharp\s*\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
    private static readonly Regex TypeDeclaration = new(@"^\s*(\[[^\]]*\]\s*)*(public |internal |sealed |static |abstract )*(partial )*(class|record|struct|enum|interface) ", RegexOptions.Multiline);

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (string page in PagePaths())
        {
            data.Add(Path.GetRelativePath(Root(), page).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryCSharpBlockCompiles(string page)
    {
        string text = File.ReadAllText(Path.Combine(Root(), page)).Replace("\r\n", "\n", StringComparison.Ordinal);
        string[] blocks = Fence.Matches(text).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(blocks);

        var usings = new StringBuilder(Usings);
        var files = new List<string>();
        var statements = new StringBuilder();
        foreach (string block in blocks)
        {
            var body = new StringBuilder();
            foreach (string line in block.Split('\n'))
            {
                if (line.StartsWith("using ", StringComparison.Ordinal) && !line.StartsWith("using var ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(';'))
                {
                    usings.AppendLine(line);
                }
                else
                {
                    body.AppendLine(line);
                }
            }

            if (TypeDeclaration.IsMatch(body.ToString()))
            {
                files.Add(body.ToString());
            }
            else
            {
                statements.AppendLine(body.ToString());
            }
        }

        string program = "static class __Page\n{\n" + DataFields + "\n    static void __Run()\n    {\n" + statements + "\n    }\n}\n";
        var sources = new List<string> { usings + program };
        sources.AddRange(files.Select(f => usings + f));
        var compilation = CompilationHarness.CreateCompilation(sources);

        // The generator's output compiles with the page (GeneratorHarness asserts no errors, and no warnings in generated files).
        var result = GeneratorHarness.Run(compilation);
        int models = files.Sum(f => Regex.Matches(f, @"^\[Model\]", RegexOptions.Multiline).Count);
        Assert.Equal(models, result.GeneratedSources.Length);
    }

    [Fact]
    public void TheReadmeKeepsTheTwoCommands()
    {
        string readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        Assert.Contains("dotnet run --project samples/MleGen.Samples -c Release", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test MleGen.sln -c Release", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryGuidePageIsListedInTheGuidesIndex()
    {
        string index = File.ReadAllText(Path.Combine(Root(), "docs", "guide", "README.md"));
        foreach (string page in Directory.EnumerateFiles(Path.Combine(Root(), "docs", "guide"), "*.md").Where(p => Path.GetFileName(p) != "README.md"))
        {
            Assert.Contains("(" + Path.GetFileName(page) + ")", index, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> PagePaths() =>
        new[] { Path.Combine(Root(), "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root(), "docs", "guide"), "*.md").Order(StringComparer.Ordinal))
            .Where(path => File.ReadAllText(path).Contains("```csharp", StringComparison.Ordinal));

    private static string Root([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
