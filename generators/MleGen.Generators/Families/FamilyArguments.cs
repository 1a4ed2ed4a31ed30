using System.Collections.Generic;

namespace MleGen.Generators.Families;

/// <summary>A family's arguments after lowering: scalar nodes, or the logit lambda of a categorical, or the vector members of a mixture.</summary>
internal sealed class FamilyArguments
{
    public FamilyArguments(IReadOnlyList<Ir.Node> scalars) => Scalars = scalars;

    public IReadOnlyList<Ir.Node> Scalars { get; }

    /// <summary>The class variable and logit body of <c>CategoricalLogits.Of</c> (count in <see cref="Scalars"/>[0]).</summary>
    public (int Variable, Ir.Node Body)? Lambda { get; init; }

    /// <summary>The vector members of <c>NormalMixture</c>: (member, is a parameter).</summary>
    public IReadOnlyList<(string Member, bool IsParameter)> Vectors { get; init; } = [];
}
