using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MleGen.Generators.Emit;
using MleGen.Generators.Parsing;
using MleGen.Generators.Specs;

namespace MleGen.Generators;

/// <summary>
/// The incremental generator: every <c>[Model]</c> partial class (or record class) becomes <c>{Namespace}.{Type}.g.cs</c>
/// implementing <c>IMleModel</c>. Parse (symbols → equatable <see cref="ModelTarget"/>) → IR → differentiate → emit.
/// An invalid model gets only a minimal partial with a throwing <c>Fit</c> (so its call sites compile);
/// <see cref="Diagnostics.ModelAnalyzer"/> reports why.
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
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => ctx.TargetSymbol is INamedTypeSymbol type ? ModelParser.Parse(type, ctx.SemanticModel, ct).Target : null)
            .Where(static target => target is not null)
            .WithTrackingName(SpecStep);

        var sources = specs
            .Select(static (target, _) => ModelEmitter.EmitModel(target!))
            .WithTrackingName(SourceStep);

        context.RegisterSourceOutput(sources.Collect(), static (spc, models) =>
        {
            foreach (var model in HintNames.Deduplicate(models))
            {
                if (model.InternalError is not null)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.InternalError, Location.None, ModelName(model.HintName), model.InternalError));
                }

                if (model.Source is not null)
                {
                    spc.AddSource(model.HintName, model.Source);
                }
            }
        });
    }

    /// <summary>The model's name as the hint name spells it (<c>Namespace.Type</c>), for a diagnostic without a location.</summary>
    private static string ModelName(string hintName) => hintName.Substring(0, hintName.Length - ".g.cs".Length);
}
