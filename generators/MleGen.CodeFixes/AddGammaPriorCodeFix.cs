using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using MleGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.CodeFixes;

/// <summary>
/// MLE0102: give a mixture's sds a <c>[GammaPrior(2, 1)]</c> (density ∝ σ·e^(−σ), which vanishes at 0 fast
/// enough to cancel a collapsing component's 1/σ); an existing Gamma prior gets shape 2.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddGammaPriorCodeFix))]
[Shared]
public sealed class AddGammaPriorCodeFix : CodeFixProvider
{
    private const string Title = "Add [GammaPrior(2, 1)] to the standard deviations";

    /// <summary>The shape that bounds the likelihood (see MLE0102); the rate 1 puts the prior's mode at σ = 1.</summary>
    private const int Shape = 2;

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CollapsibleMixture);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var field = ParamDeclarations.SingleField(root.FindNode(diagnostic.Location.SourceSpan));
            var param = field is null ? null : ParamDeclarations.FindAttribute(field, model, "MleGen.ParamAttribute", context.CancellationToken);
            if (field is null || param is null)
            {
                continue;
            }

            var existing = ParamDeclarations.FindAttribute(field, model, "MleGen.GammaPriorAttribute", context.CancellationToken);
            SyntaxNode fixedRoot;
            if (existing is not null)
            {
                if (existing.ArgumentList is not { Arguments.Count: 2 } arguments)
                {
                    continue;
                }

                fixedRoot = root.ReplaceNode(arguments.Arguments[0].Expression, ShapeLiteral().WithTriviaFrom(arguments.Arguments[0].Expression));
            }
            else
            {
                var list = (AttributeListSyntax)param.Parent!;
                var prior = SyntaxFactory.Attribute(
                    SyntaxFactory.IdentifierName("GammaPrior"),
                    SyntaxFactory.AttributeArgumentList(CommaList.Of(new[]
                    {
                        SyntaxFactory.AttributeArgument(ShapeLiteral()),
                        SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1))),
                    })));
                var attributes = list.Attributes.ToList();
                attributes.Insert(attributes.IndexOf(param) + 1, prior);
                fixedRoot = root.ReplaceNode(list, list.WithAttributes(CommaList.Of(attributes)));
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)), nameof(AddGammaPriorCodeFix)),
                diagnostic);
        }
    }

    private static LiteralExpressionSyntax ShapeLiteral() =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(Shape));
}
