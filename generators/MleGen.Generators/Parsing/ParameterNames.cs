using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;

namespace MleGen.Generators.Parsing;

/// <summary>How parameters are reported: the clean name of a member, and the <c>Names</c> member of a vector.</summary>
internal static class ParameterNames
{
    /// <summary>
    /// The reported name of a parameter member: leading underscores dropped and the next letter capitalized
    /// (<c>_mu</c> → <c>Mu</c>, <c>_logSigma</c> → <c>LogSigma</c>); other names as written. A name that is
    /// nothing but underscores, or whose remainder does not start with a letter, is kept as written.
    /// </summary>
    public static string Clean(string member)
    {
        int start = 0;
        while (start < member.Length && member[start] == '_')
        {
            start++;
        }

        if (start == 0 || start == member.Length || !char.IsLetter(member[start]))
        {
            return member;
        }

        return char.ToUpperInvariant(member[start]) + member.Substring(start + 1);
    }

    /// <summary>
    /// Checks that <paramref name="names"/> (the <c>Names</c> of a <c>[Param]</c>) is an instance <c>string[]</c>
    /// field or property of the model with a getter, on a <c>double[]</c> parameter; reports MLE0015 at the
    /// attribute otherwise.
    /// </summary>
    public static bool CheckNamesMember(ParseContext context, ISymbol parameter, ParamShape shape, string names, Location? location)
    {
        string? problem = Problem(context, shape, names);
        if (problem is null)
        {
            return true;
        }

        context.Report(DiagnosticDescriptors.InvalidNamesMember, location, names, parameter.Name, problem);
        return false;
    }

    private static string? Problem(ParseContext context, ParamShape shape, string names)
    {
        if (shape != ParamShape.Vector)
        {
            return "Names applies only to a double[] parameter (one name per element)";
        }

        var member = context.ModelType.GetMembers(names).FirstOrDefault(m => m is IFieldSymbol or IPropertySymbol);
        if (member is null)
        {
            return "the model has no field or property of that name; use nameof on a string[] member";
        }

        ITypeSymbol type = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
        if (type is not IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String })
        {
            return "its type is '" + type.ToDisplayString() + "', not string[]";
        }

        if (member.IsStatic)
        {
            return "it is static; the names belong to the instance whose parameters they name";
        }

        if (member is IPropertySymbol { GetMethod: null } or IPropertySymbol { IsIndexer: true })
        {
            return "it has no getter";
        }

        return null;
    }

    /// <summary>Reports MLE0004 on a parameter whose reported name is another parameter's (<c>_mu</c> beside <c>Mu</c>).</summary>
    public static void CheckDistinct(ParseContext context, IReadOnlyList<(ISymbol Member, ParamMemberSpec Spec)> parameters)
    {
        var seen = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var (member, spec) in parameters)
        {
            if (seen.TryGetValue(spec.DisplayName, out string? first) && first != spec.Name)
            {
                context.Report(DiagnosticDescriptors.InvalidParam, ModelParser.FirstLocation(member), spec.Name, "it is reported as '" + spec.DisplayName + "', the name of the parameter '" + first + "'; rename one of them");
            }
            else
            {
                seen[spec.DisplayName] = spec.Name;
            }
        }
    }
}
