using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MleGen.CodeFixes;

/// <summary>Separated lists written the usual way: <c>a, b, c</c>.</summary>
internal static class CommaList
{
    public static SeparatedSyntaxList<T> Of<T>(IReadOnlyList<T> nodes)
        where T : SyntaxNode =>
        SyntaxFactory.SeparatedList(
            nodes,
            Enumerable.Range(0, System.Math.Max(0, nodes.Count - 1)).Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space)));
}
