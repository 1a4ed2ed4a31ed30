using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MleGen.Generators.Emit;
using MleGen.Generators.Parsing;
using MleGen.Generators.Specs;

namespace MleGen.Generators;

/// <summary>
/// The incremental generator: every <c>[Model]</c> partial class becomes <c>{Namespace}.{Type}.g.cs</c>
/// implementing <c>IMleModel</c>. Parse (symbols → equatable <see cref="ModelSpec"/>) → IR →
/// differentiate → emit. Invalid models produce nothing here; <see cref="Diagnostics.ModelAnalyzer"/>
/// reports why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MleGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the step producing model specs.</summary>
    public const string SpecStep = "MleGen.Spec";

    /// <summary>Tracking name of the step producing source text.</summary>
    public const string SourceStep = "MleGen.Source";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "MleGen.ModelAttribute",
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => ctx.TargetSymbol is INamedTypeSymbol type ? ModelParser.Parse(type, ctx.SemanticModel, ct).Spec : null)
            .Where(static spec => spec is not null)
            .WithTrackingName(SpecStep);

        var sources = specs
            .Select(static (spec, _) => new GeneratedModel(HintNames.For(spec!), ModelEmitter.Emit(spec!)))
            .WithTrackingName(SourceStep);

        context.RegisterSourceOutput(sources, static (spc, model) =>
        {
            if (model.Source is not null)
            {
                spc.AddSource(model.HintName, model.Source);
            }
        });
    }
}
