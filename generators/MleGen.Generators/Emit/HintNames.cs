using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using MleGen.Generators.Common;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>Builds <c>{Namespace}.{Outer}.{Type}.g.cs</c> hint names, valid and unique per model type.</summary>
internal static class HintNames
{
    public static string For(ModelTarget target) => For(target.Namespace, Names(target.ContainingTypes), target.TypeName);

    public static string For(ModelSpec spec) => For(spec.Namespace, Names(spec.ContainingTypes), spec.TypeName);

    /// <summary>The hint name of the type <paramref name="typeName"/> nested in <paramref name="containingTypes"/> (outermost first).</summary>
    public static string For(string ns, IEnumerable<string> containingTypes, string typeName)
    {
        var name = new StringBuilder();
        if (ns.Length > 0)
        {
            name.Append(ns).Append('.');
        }

        foreach (var outer in containingTypes)
        {
            name.Append(outer).Append('.');
        }

        name.Append(typeName);

        // A hint name is a file name: '@' of an escaped keyword (namespace @class) and other identifier characters a
        // file system may refuse become '_'.
        for (int k = 0; k < name.Length; k++)
        {
            char c = name[k];
            if (!(char.IsLetterOrDigit(c) || c is '.' or '_'))
            {
                name[k] = '_';
            }
        }

        return name.Append(".g.cs").ToString();
    }

    private static IEnumerable<string> Names(EquatableArray<ContainingTypeSpec> containingTypes)
    {
        foreach (var outer in containingTypes)
        {
            yield return outer.Name;
        }
    }

    /// <summary>
    /// The models with hint names unique without regard to case (Roslyn's rule, for case-insensitive file systems):
    /// <c>N.M</c> and <c>N.m</c> become <c>N.M.g.cs</c> and <c>N.m.2.g.cs</c>, in ordinal order of the names.
    /// </summary>
    public static IEnumerable<GeneratedModel> Deduplicate(ImmutableArray<GeneratedModel> models)
    {
        var sorted = new List<GeneratedModel>(models);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.HintName, b.HintName));
        var used = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var model in sorted)
        {
            string hint = model.HintName;
            string stem = hint.Substring(0, hint.Length - ".g.cs".Length);
            for (int n = 2; !used.Add(hint); n++)
            {
                hint = stem + "." + Literals.Int(n) + ".g.cs";
            }

            yield return hint == model.HintName ? model : model with { HintName = hint };
        }
    }
}

/// <summary>One model's generated file (null source when the model yields nothing).</summary>
/// <param name="HintName">The file's hint name.</param>
/// <param name="Source">The generated source, or null.</param>
/// <param name="InternalError">The message of an internal error (MLE0026) met while emitting the model, or null.</param>
internal sealed record GeneratedModel(string HintName, string? Source, string? InternalError = null);
