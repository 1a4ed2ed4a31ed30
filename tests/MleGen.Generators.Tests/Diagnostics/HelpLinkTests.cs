using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using MleGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MleGen.Generators.Tests.Diagnostics;

/// <summary>
/// Every diagnostic's help link is absolute and names a page that exists in the repository's
/// <c>docs/diagnostics</c>; the compile-time descriptors and the run-time diagnostics share one base.
/// </summary>
public class HelpLinkTests
{
    private static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MleGen.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("MleGen.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static IReadOnlyList<DiagnosticDescriptor> Descriptors =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    /// <summary>The page a help link names, as a path in the repository (null when it is not under the base).</summary>
    private static string? PageOf(string link) =>
        link.StartsWith(HelpLinks.RepositoryUrl + "/blob/main/", StringComparison.Ordinal)
            ? Path.Combine(RepositoryRoot, link[(HelpLinks.RepositoryUrl + "/blob/main/").Length..].Replace('/', Path.DirectorySeparatorChar))
            : null;

    [Fact]
    public void EveryCompileTimeIdHasADescriptorWhoseLinkNamesAnExistingPage()
    {
        var ids = Constants(typeof(DiagnosticIds)).ToList();
        Assert.NotEmpty(ids);
        var descriptors = Descriptors;
        Assert.Equal(ids.OrderBy(x => x, StringComparer.Ordinal), descriptors.Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal));
        foreach (var descriptor in descriptors)
        {
            Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var uri) && uri.Scheme == "https", descriptor.HelpLinkUri);
            Assert.Equal(HelpLinks.DiagnosticsBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
            string? page = PageOf(descriptor.HelpLinkUri);
            Assert.True(page is not null && File.Exists(page), $"{descriptor.Id}: {descriptor.HelpLinkUri} names no page of the repository ({page}).");
        }
    }

    [Fact]
    public void EveryRunTimeIdLinksToAnExistingPageUnderTheSameBase()
    {
        var ids = Constants(typeof(FitDiagnosticIds)).ToList();
        Assert.NotEmpty(ids);
        foreach (string id in ids)
        {
            string link = new FitDiagnostic(id, FitDiagnosticSeverity.Warning, "m").HelpLink;
            Assert.True(Uri.TryCreate(link, UriKind.Absolute, out _), link);
            // The run-time assembly's base is the generator's: one constant, linked into both.
            Assert.Equal(HelpLinks.DiagnosticsBase + id + ".md", link);
            string? page = PageOf(link);
            Assert.True(page is not null && File.Exists(page), $"{id}: {link} names no page of the repository ({page}).");
        }
    }

    [Fact]
    public void EveryHelpPageBelongsToAnId()
    {
        var ids = Constants(typeof(DiagnosticIds)).Concat(Constants(typeof(FitDiagnosticIds))).ToHashSet(StringComparer.Ordinal);
        foreach (string page in Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "diagnostics"), "MLE*.md"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(page), ids);
        }
    }
}
