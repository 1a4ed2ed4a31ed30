using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using MleGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.CodeFixes;

/// <summary>MLE0101 and MLE0110: add <c>Lower = 0</c> to the parameter's <c>[Param]</c> (or raise a negative lower bound to 0).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddLowerBoundCodeFix))]
[Shared]
public sealed class AddLowerBoundCodeFix : CodeFixProvider
{
    private const string Title = "Add Lower = 0 to [Param]";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnboundedScale, DiagnosticIds.PriorSupportMismatch);

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
            var attribute = field is null ? null : ParamDeclarations.FindAttribute(field, model, "MleGen.ParamAttribute", context.CancellationToken);
            if (attribute is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, WithLowerZero(attribute)))), nameof(AddLowerBoundCodeFix)),
                diagnostic);
        }
    }

    /// <summary><c>[Param]</c> → <c>[Param(Lower = 0)]</c>; <c>[Param(Upper = 5)]</c> → <c>[Param(Lower = 0, Upper = 5)]</c>; <c>Lower = -1</c> → <c>Lower = 0</c>.</summary>
    internal static AttributeSyntax WithLowerZero(AttributeSyntax attribute)
    {
        var zero = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0));
        if (ParamDeclarations.NamedArgument(attribute, "Lower") is { } lower)
        {
            return attribute.ReplaceNode(lower.Expression, zero.WithTriviaFrom(lower.Expression));
        }

        var argument = SyntaxFactory.AttributeArgument(zero)
            .WithNameEquals(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Lower"), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)));
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var arguments = new System.Collections.Generic.List<AttributeArgumentSyntax> { argument };
        arguments.AddRange(list.Arguments);
        return attribute.WithArgumentList(list.WithArguments(CommaList.Of(arguments)));
    }
}
