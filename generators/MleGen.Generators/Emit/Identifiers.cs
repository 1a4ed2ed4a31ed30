using Microsoft.CodeAnalysis.CSharp;

namespace MleGen.Generators.Emit;

/// <summary>User names as C# identifiers in generated code: a member or type named <c>@event</c> is printed <c>@event</c>.</summary>
internal static class Identifiers
{
    /// <summary><paramref name="name"/> (a symbol's name, without <c>@</c>) with an <c>@</c> when it is a reserved keyword.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
