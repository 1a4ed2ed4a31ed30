using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using MleGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.CodeFixes;

/// <summary>MLE0103: remove the parameter no likelihood reads (its declarator, or the whole field when it is the only one).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveParameterCodeFix))]
[Shared]
public sealed class RemoveParameterCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnusedParameter);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var declarator = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().FirstOrDefault();
            if (declarator?.Parent?.Parent is not FieldDeclarationSyntax field)
            {
                continue;
            }

            SyntaxNode removed = field.Declaration.Variables.Count == 1 ? field : declarator;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the parameter '" + declarator.Identifier.ValueText + "'",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(removed, SyntaxRemoveOptions.KeepUnbalancedDirectives)!)),
                    nameof(RemoveParameterCodeFix)),
                diagnostic);
        }
    }
}
