using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Diagnostics.Lint;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.CodeFixes;

/// <summary>
/// MLE0106, MLE0107, MLE0108: rewrite the family a likelihood returns — <c>new Poisson(Math.Exp(eta))</c> →
/// <c>new PoissonLog(eta)</c>, <c>new Bernoulli(eta)</c> → <c>new BernoulliLogit(eta)</c>, <c>new Normal(mu, sd)</c>
/// on counts → <c>new PoissonLog(mu)</c> — and the method's return type with it. The analyzer decides the new
/// family and which arguments it takes (<see cref="LintFix"/>); this class only rewrites the syntax.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceFamilyCodeFix))]
[Shared]
public sealed class ReplaceFamilyCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.ContinuousFamilyOnDiscreteData,
        DiagnosticIds.UnboundedProbability,
        DiagnosticIds.UnfusedLink);

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
            if (!diagnostic.Properties.TryGetValue(LintFix.Family, out var family) || family is null
                || !diagnostic.Properties.TryGetValue(LintFix.Arguments, out var kept) || kept is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(LintFix.Unwrap, out var unwrap);
            diagnostic.Properties.TryGetValue(LintFix.UnwrapMethod, out var unwrapMethod);
            var fixedRoot = Rewrite(root, model, creation, family, kept, unwrap, unwrapMethod, context.CancellationToken);
            if (fixedRoot is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title(diagnostic.Id, family), ct => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)), nameof(ReplaceFamilyCodeFix) + "." + diagnostic.Id),
                diagnostic);
        }
    }

    private static string Title(string id, string family) => id switch
    {
        DiagnosticIds.ContinuousFamilyOnDiscreteData => "Use " + family + " (a likelihood for these observations; the location becomes the linear predictor)",
        DiagnosticIds.UnboundedProbability => "Use " + family + " (the probability's expression becomes the log-odds)",
        DiagnosticIds.UnfusedLink => "Use the fused " + family,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "not a family-replacing lint"),
    };

    /// <summary>The root with the creation (and the returning method's type) rewritten, or null when the syntax is not what the analyzer saw.</summary>
    private static SyntaxNode? Rewrite(
        SyntaxNode root,
        SemanticModel model,
        BaseObjectCreationExpressionSyntax creation,
        string family,
        string kept,
        string? unwrap,
        string? unwrapMethod,
        CancellationToken ct)
    {
        if (model.GetSymbolInfo(creation, ct).Symbol is not IMethodSymbol constructor || creation.ArgumentList is null)
        {
            return null;
        }

        var byParameter = ArgumentsByParameter(creation.ArgumentList, constructor);
        if (byParameter is null)
        {
            return null;
        }

        var arguments = new List<ArgumentSyntax>();
        foreach (var text in kept.Split(','))
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
                || index >= byParameter.Length
                || byParameter[index] is not { } expression)
            {
                return null;
            }

            if (unwrap == text)
            {
                expression = Unwrapped(expression, unwrapMethod, model, ct);
                if (expression is null)
                {
                    return null;
                }
            }

            arguments.Add(SyntaxFactory.Argument(expression.WithoutTrivia()));
        }

        var newArguments = creation.ArgumentList.WithArguments(CommaList.Of(arguments));
        BaseObjectCreationExpressionSyntax newCreation = creation switch
        {
            ObjectCreationExpressionSyntax explicitType => explicitType.WithType(Renamed(explicitType.Type, family)).WithArgumentList(newArguments),
            _ => creation.WithArgumentList(newArguments),
        };

        var method = ReturningMethod(creation);
        var returnType = method is not null
            && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(method.ReturnType, ct).Type, constructor.ContainingType)
            ? method.ReturnType
            : null;
        if (returnType is null && creation is ImplicitObjectCreationExpressionSyntax)
        {
            // new(…) takes its type from the method: without retyping the method the fix would not compile.
            return null;
        }

        var nodes = returnType is null ? new SyntaxNode[] { creation } : new SyntaxNode[] { creation, returnType };
        return root.ReplaceNodes(nodes, (original, _) => original == creation ? newCreation : Renamed((TypeSyntax)original, family));
    }

    /// <summary>The arguments in the constructor's parameter order (named arguments placed), or null when one cannot be placed.</summary>
    private static ExpressionSyntax?[]? ArgumentsByParameter(ArgumentListSyntax list, IMethodSymbol constructor)
    {
        var result = new ExpressionSyntax?[constructor.Parameters.Length];
        for (int k = 0; k < list.Arguments.Count; k++)
        {
            var argument = list.Arguments[k];
            int index = argument.NameColon is { } name
                ? constructor.Parameters.IndexOf(constructor.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText)!)
                : k;
            if (index < 0 || index >= result.Length)
            {
                return null;
            }

            result[index] = argument.Expression;
        }

        return result;
    }

    /// <summary><c>Math.Exp(eta)</c> → <c>eta</c> when the call really is <paramref name="method"/> (by symbol, so aliases and usings do not fool it).</summary>
    private static ExpressionSyntax? Unwrapped(ExpressionSyntax expression, string? method, SemanticModel model, CancellationToken ct)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        if (method is null
            || expression is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call
            || model.GetSymbolInfo(call, ct).Symbol is not IMethodSymbol symbol
            || symbol.ContainingType.ToDisplayString() + "." + symbol.Name != method)
        {
            return null;
        }

        return call.ArgumentList.Arguments[0].Expression;
    }

    /// <summary>The method whose expression body or final return is <paramref name="creation"/>.</summary>
    private static MethodDeclarationSyntax? ReturningMethod(SyntaxNode creation)
    {
        var node = creation.Parent;
        while (node is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node switch
        {
            ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => method,
            ReturnStatementSyntax { Parent: BlockSyntax { Parent: MethodDeclarationSyntax method } } => method,
            _ => null,
        };
    }

    /// <summary><c>Normal</c> → <c>PoissonLog</c>, <c>MleGen.Normal</c> → <c>MleGen.PoissonLog</c>, keeping trivia.</summary>
    private static TypeSyntax Renamed(TypeSyntax type, string family)
    {
        var name = type switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax alias => alias.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        return name is null ? type : type.ReplaceNode(name, SyntaxFactory.IdentifierName(family).WithTriviaFrom(name));
    }
}
