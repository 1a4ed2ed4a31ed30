using System.Linq;
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

    /// <summary>Tracking name of the step producing the models' declaration locations (for MLE0026).</summary>
    public const string LocationStep = "MleGen.Location";

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
                if (model.Source is not null)
                {
                    spc.AddSource(model.HintName, model.Source);
                }
            }
        });

        // MLE0026 at the model's name. The locations are a step of their own: an edit that only moves a model in its
        // file changes them, and must not re-run the emission.
        var locations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "MleGen.ModelAttribute",
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, _) => ModelLocation.From(ctx))
            .Where(static location => location is not null)
            .WithTrackingName(LocationStep);
        var internalErrors = sources
            .Where(static model => model.InternalError is not null)
            .Collect()
            .Combine(locations.Collect());
        context.RegisterSourceOutput(internalErrors, static (spc, pair) =>
        {
            foreach (var model in pair.Left)
            {
                var location = pair.Right.FirstOrDefault(l => l!.HintName == model.HintName)?.ToLocation() ?? Location.None;
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.InternalError, location, ModelName(model.HintName), model.InternalError));
            }
        });
    }

    /// <summary>The model's name as the hint name spells it (<c>Namespace.Type</c>), for the message.</summary>
    private static string ModelName(string hintName) => hintName.Substring(0, hintName.Length - ".g.cs".Length);
}
