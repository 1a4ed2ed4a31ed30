using System.Collections.Immutable;
using System.Linq;
using MleGen.Generators.Diagnostics.Lint.Rules;
using MleGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MleGen.Generators.Diagnostics.Lint;

/// <summary>
/// The MLE01xx statistical lint: warnings about the ways maximum likelihood fails that can be seen in the
/// source. Works on the same <see cref="Specs.ModelSpec"/> the generator compiles (<see cref="ModelParser"/>),
/// only for models without errors; each rule is a small class in <c>Rules/</c> reading the spec.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LintAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnboundedScale,
        DiagnosticDescriptors.CollapsibleMixture,
        DiagnosticDescriptors.UnusedParameter,
        DiagnosticDescriptors.UnidentifiableParameters,
        DiagnosticDescriptors.NoReferenceClass,
        DiagnosticDescriptors.ContinuousFamilyOnDiscreteData,
        DiagnosticDescriptors.UnboundedProbability,
        DiagnosticDescriptors.UnfusedLink,
        DiagnosticDescriptors.UnusedData,
        DiagnosticDescriptors.PriorSupportMismatch);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // Resolved once per compilation; a compilation without MleGen has nothing to lint.
            var modelAttribute = start.Compilation.GetTypeByMetadataName("MleGen.ModelAttribute");
            if (modelAttribute is null)
            {
                return;
            }

            var types = WellKnownTypes.Create(start.Compilation);
            start.RegisterSyntaxNodeAction(
                nodeContext => Analyze(nodeContext, modelAttribute, types),
                SyntaxKind.ClassDeclaration);
        });
    }

    /// <summary>Lints the model once, from the declaration that carries its [Model] attribute.</summary>
    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol modelAttribute, WellKnownTypes types)
    {
        var declaration = (TypeDeclarationSyntax)context.Node;
        if (declaration.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type)
        {
            return;
        }

        var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, modelAttribute));
        var attributeSyntax = attribute?.ApplicationSyntaxReference;
        if (attributeSyntax is null
            || attributeSyntax.SyntaxTree != declaration.SyntaxTree
            || !declaration.AttributeLists.Any(list => list.Span.Contains(attributeSyntax.Span)))
        {
            return;
        }

        var spec = ModelParser.Parse(type, context.SemanticModel, context.CancellationToken).Spec;
        if (spec is null)
        {
            // A model with errors gets the MLE00xx errors (ModelAnalyzer) and no lint.
            return;
        }

        if (!Parsing.Limits.IsSmallAsTree(spec))
        {
            // The rules read expressions as trees: a model whose shared locals expand past the limit gets no lint.
            return;
        }

        var lint = new LintContext(spec, type, types, context.ReportDiagnostic, context.CancellationToken);
        foreach (var rule in LintRules.All)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            rule(lint);
        }
    }
}
