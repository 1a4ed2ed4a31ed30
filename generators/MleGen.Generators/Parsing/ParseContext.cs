using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;

namespace MleGen.Generators.Parsing;

/// <summary>The state of parsing one model: symbols, semantic models per tree, members and the diagnostics so far.</summary>
internal sealed class ParseContext
{
    private readonly Dictionary<SyntaxTree, SemanticModel> _semanticModels = new();
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly HashSet<(string Id, Location Location, string Message)> _reported = new();

    public ParseContext(INamedTypeSymbol modelType, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        ModelType = modelType;
        Compilation = semanticModel.Compilation;
        CancellationToken = cancellationToken;
        Types = WellKnownTypes.Create(Compilation);
        _semanticModels[semanticModel.SyntaxTree] = semanticModel;
    }

    public INamedTypeSymbol ModelType { get; }

    public Compilation Compilation { get; }

    public CancellationToken CancellationToken { get; }

    public WellKnownTypes Types { get; }

    /// <summary>The <c>[Data]</c> members by symbol.</summary>
    public Dictionary<ISymbol, DataMemberSpec> Data { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The <c>[Param]</c> members by symbol.</summary>
    public Dictionary<ISymbol, ParamMemberSpec> Parameters { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The user's names of subexpressions (helper results, <c>var</c> locals) in parse order, for readable generated locals.</summary>
    public List<NamedSpec> Names { get; } = new();

    /// <summary>Expressions parsed so far (see <see cref="Limits.MaxParsedExpressions"/>).</summary>
    public int ParsedExpressions { get; set; }

    /// <summary>True once a limit of <see cref="Limits"/> was reported: parsing then stops at once.</summary>
    public bool LimitExceeded { get; set; }

    /// <summary>True once anything is wrong: a reported diagnostic or a C# error the compiler reports itself.</summary>
    public bool Failed { get; private set; }

    /// <summary>Returns the semantic model of <paramref name="tree"/>, or null when it is not part of the compilation.</summary>
    public SemanticModel? GetSemanticModel(SyntaxTree tree)
    {
        if (_semanticModels.TryGetValue(tree, out var model))
        {
            return model;
        }

        if (!Compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        model = Compilation.GetSemanticModel(tree);
        _semanticModels[tree] = model;
        return model;
    }

    public void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] args)
    {
        Failed = true;
        var diagnostic = Diagnostic.Create(descriptor, location ?? Location.None, args);
        if (_reported.Add((descriptor.Id, diagnostic.Location, diagnostic.GetMessage())))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    public void Report(DiagnosticDescriptor descriptor, SyntaxNode node, params object?[] args) =>
        Report(descriptor, node.GetLocation(), args);

    /// <summary>Marks the model invalid without a diagnostic, where the C# compiler already reports an error.</summary>
    public void Fail() => Failed = true;

    public ImmutableArray<Diagnostic> GetDiagnostics()
    {
        var sorted = new List<Diagnostic>(_diagnostics);
        sorted.Sort(static (a, b) =>
        {
            int byPath = string.CompareOrdinal(a.Location.SourceTree?.FilePath, b.Location.SourceTree?.FilePath);
            if (byPath != 0)
            {
                return byPath;
            }

            int bySpan = a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
            return bySpan != 0 ? bySpan : string.CompareOrdinal(a.Id, b.Id);
        });
        return sorted.ToImmutableArray();
    }
}
