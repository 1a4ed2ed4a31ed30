using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace MleGen.Generators.Emit;

/// <summary>
/// Generated locals named after the user's helpers and <c>var</c> locals (<c>Mean(i)</c> → <c>mean</c>, <c>var eta</c> →
/// <c>eta</c>). A user's name is taken only when it cannot collide with any other local of a generated method: letters
/// only (the scheduler's own locals carry a node id, <c>prod31</c>; member locals a prefix, <c>p_Beta</c>; loop variables
/// start with <c>__</c>), no C# keyword (contextual ones included) and none of the fixed names the emitters declare.
/// Two nodes of one name in one method are told apart by the scheduler (<c>mean</c>, <c>mean_2</c>).
/// </summary>
internal static class LocalNames
{
    /// <summary>The letters-only names the emitters declare themselves (method parameters and fixed locals).</summary>
    private static readonly HashSet<string> Fixed = new(System.StringComparer.Ordinal)
    {
        "a", "arrays", "at", "c", "column", "columns", "constant", "count", "end", "f", "g", "gradient", "h", "hessian", "i",
        "index", "information", "j", "k", "kind", "length", "matrix", "meat", "meatRow", "member", "n", "name", "nll",
        "output", "over", "p", "perObservation", "r", "row", "rows", "sa", "scalars", "score", "scratch", "size", "start",
        "sum", "term", "terms", "theta", "thetaLength", "total", "value", "w", "x", "y",
    };

    /// <summary><paramref name="member"/> with its first letter upper case, to follow an operation's stem (<c>inv</c> + <c>Sigma</c>).</summary>
    public static string Capitalized(string member) => member.Length == 0 ? member : char.ToUpperInvariant(member[0]) + member.Substring(1);

    /// <summary>The local for the user's <paramref name="name"/> (first letter lower case), or false when it may collide.</summary>
    public static bool TryFromUser(string name, out string local)
    {
        local = name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
        if (local.Length == 0 || local.Length > 64)
        {
            return false;
        }

        foreach (char ch in local)
        {
            if (!(ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z'))
            {
                return false;
            }
        }

        return !Fixed.Contains(local)
            && SyntaxFacts.GetKeywordKind(local) == SyntaxKind.None
            && SyntaxFacts.GetContextualKeywordKind(local) == SyntaxKind.None;
    }
}
