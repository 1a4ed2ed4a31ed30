using System.Collections.Immutable;
using System.Linq;
using MleGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MleGen.Generators.Diagnostics;

/// <summary>Reports the MLE00xx errors of every <c>[Model]</c> class, sharing <see cref="ModelParser"/> with the generator.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ModelNotPartial,
        DiagnosticDescriptors.GenericModel,
        DiagnosticDescriptors.UnsupportedDataType,
        DiagnosticDescriptors.InvalidParam,
        DiagnosticDescriptors.InvalidLikelihoodShape,
        DiagnosticDescriptors.InvalidObservedMember,
        DiagnosticDescriptors.InvalidWeightsMember,
        DiagnosticDescriptors.UnsupportedConstruct,
        DiagnosticDescriptors.ParameterInCondition,
        DiagnosticDescriptors.RecursiveHelper,
        DiagnosticDescriptors.NoLikelihood,
        DiagnosticDescriptors.StaticMember,
        DiagnosticDescriptors.InvalidFamilyArgument,
        DiagnosticDescriptors.MissingModelAttribute,
        DiagnosticDescriptors.InvalidNamesMember,
        DiagnosticDescriptors.ReservedMemberName,
        DiagnosticDescriptors.UnsupportedModelType,
        DiagnosticDescriptors.InvalidConstantArgument,
        DiagnosticDescriptors.ModelTooLarge,
        DiagnosticDescriptors.InvalidCensoringMember,
        DiagnosticDescriptors.CensoringUnsupportedFamily,
        DiagnosticDescriptors.InvalidDerived,
        DiagnosticDescriptors.InvalidLogLikelihoodTerm,
        DiagnosticDescriptors.InvalidTruncationMember,
        DiagnosticDescriptors.TruncationUnsupportedFamily,

        // Reported by the generator (it meets the inconsistency while emitting), listed here with every MLE00xx.
        DiagnosticDescriptors.InternalError);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var modelAttribute = start.Compilation.GetTypeByMetadataName("MleGen.ModelAttribute");
            if (modelAttribute is null)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(
                nodeContext => AnalyzeDeclaration(nodeContext, modelAttribute),
                SyntaxKind.ClassDeclaration,
                SyntaxKind.RecordDeclaration);

            var memberAttributes = new[] { "MleGen.LikelihoodAttribute", "MleGen.LogLikelihoodAttribute", "MleGen.ParamAttribute", "MleGen.DataAttribute" }
                .Select(name => start.Compilation.GetTypeByMetadataName(name))
                .OfType<INamedTypeSymbol>()
                .ToImmutableArray();
            start.RegisterSymbolAction(
                symbolContext => AnalyzeTypeWithoutModel(symbolContext, modelAttribute, memberAttributes),
                SymbolKind.NamedType);
        });
    }

    /// <summary>MLE0014: model members ([Likelihood], [Param], [Data]) in a type that is not a [Model]; reported once, at the type.</summary>
    private static void AnalyzeTypeWithoutModel(SymbolAnalysisContext context, INamedTypeSymbol modelAttribute, ImmutableArray<INamedTypeSymbol> memberAttributes)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, modelAttribute)))
        {
            return;
        }

        foreach (var attributeType in memberAttributes)
        {
            foreach (var member in type.GetMembers())
            {
                if (member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)))
                {
                    string attributeName = attributeType.Name.Substring(0, attributeType.Name.Length - "Attribute".Length);
                    var location = type.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingModelAttribute, location, type.Name, attributeName, member.Name));
                    return;
                }
            }
        }
    }

    /// <summary>Parses the model once, from the declaration that carries its [Model] attribute.</summary>
    private static void AnalyzeDeclaration(SyntaxNodeAnalysisContext context, INamedTypeSymbol modelAttribute)
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

        var result = ModelParser.Parse(type, context.SemanticModel, context.CancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }

        // The derivatives' loop variables and matrix entries are only known once they are built: for a model that can come
        // near those limits, build them here too.
        var exceeded = result.Spec is { } spec ? Emit.ModelEmitter.ExceededLimit(spec) : Plan.PlanLimit.None;
        if (exceeded != Plan.PlanLimit.None)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ModelTooLarge,
                declaration.Identifier.GetLocation(),
                type.Name,
                exceeded == Plan.PlanLimit.LoopVariables
                    ? "large in loop variables (Sum, Dot, CategoricalLogits and the loops of their derivatives)"
                    : "large in second derivatives (Hessian or expected-information entries written one by one: scalar parameters that all interact give p(p + 1)/2; collect them in a vector parameter read with Dot or Sum)",
                exceeded == Plan.PlanLimit.LoopVariables ? Ir.VariableSet.Capacity : Parsing.Limits.MaxMatrixEntries));
        }
    }
}
