namespace MleGen;

/// <summary>How one natural-scale parameter is obtained from the unconstrained coordinates.</summary>
internal enum TransformKind
{
    /// <summary>θ = u.</summary>
    Identity,

    /// <summary>θ = L + exp(u).</summary>
    Lower,

    /// <summary>θ = U − exp(u).</summary>
    Upper,

    /// <summary>θ = L + (U − L)·logistic(u).</summary>
    Interval,

    /// <summary>A member of a simplex group: softmax of the group's free coordinates, the last member the reference.</summary>
    Simplex,

    /// <summary>
    /// A member of an ordered (strictly increasing) vector: its anchor member is θ = u (or held), the others are the anchor
    /// plus (above it) or minus (below it) a sum of exp(u) steps.
    /// </summary>
    Ordered,

    /// <summary>Held at a value; no unconstrained coordinate.</summary>
    Fixed,
}
