namespace MleGen;

/// <summary>Constraint metadata of one scalar parameter.</summary>
/// <param name="Name">The parameter's name, e.g. <c>Beta[2]</c>.</param>
/// <param name="Lower">Lower bound (exclusive); <see cref="double.NegativeInfinity"/> when unbounded.</param>
/// <param name="Upper">Upper bound (exclusive); <see cref="double.PositiveInfinity"/> when unbounded.</param>
/// <param name="SimplexGroup">The index of the simplex this parameter belongs to (its member's declaration rank among simplex members), or −1.</param>
public readonly record struct ParameterInfo(string Name, double Lower, double Upper, int SimplexGroup)
{
    /// <summary>True when the parameter has a finite lower or upper bound.</summary>
    public bool IsBounded => !double.IsNegativeInfinity(Lower) || !double.IsPositiveInfinity(Upper);

    /// <summary>True when the parameter belongs to a simplex.</summary>
    public bool IsSimplex => SimplexGroup >= 0;

    /// <summary>
    /// The index of the ordered vector (<c>[Param(Ordered = true)]</c>) this parameter belongs to (its member's declaration rank
    /// among ordered members), or −1. The members of one ordered vector are contiguous in θ and strictly increasing.
    /// </summary>
    public int OrderedGroup { get; init; } = -1;

    /// <summary>True when the parameter belongs to a strictly increasing vector.</summary>
    public bool IsOrdered => OrderedGroup >= 0;
}
