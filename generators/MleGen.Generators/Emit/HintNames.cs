using System.Text;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>Builds <c>{Namespace}.{Outer}.{Type}.g.cs</c> hint names, unique per model type.</summary>
internal static class HintNames
{
    public static string For(ModelSpec spec)
    {
        var name = new StringBuilder();
        if (spec.Namespace.Length > 0)
        {
            name.Append(spec.Namespace).Append('.');
        }

        foreach (var outer in spec.ContainingTypes)
        {
            name.Append(outer.Name).Append('.');
        }

        name.Append(spec.TypeName).Append(".g.cs");
        return name.ToString();
    }
}

/// <summary>One model's generated file (null source when the model yields nothing).</summary>
internal sealed record GeneratedModel(string HintName, string? Source);
