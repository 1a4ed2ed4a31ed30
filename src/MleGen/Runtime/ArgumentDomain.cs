using System.ComponentModel;

namespace MleGen;

/// <summary>
/// The values a family's argument accepts, as its constructor checks them; generated code checks each
/// argument computed from data alone against it once per data set (<see cref="DataChecks.IsIn"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ArgumentDomain
{
    /// <summary>A finite number (a mean, a location, a linear predictor).</summary>
    Finite,

    /// <summary>Positive and finite (a scale, a rate, a shape).</summary>
    Positive,

    /// <summary>Positive, +∞ allowed (Student-t's degrees of freedom).</summary>
    PositiveOrInfinity,

    /// <summary>Non-negative and finite (a Poisson rate, a number of trials).</summary>
    NonNegative,

    /// <summary>A probability in [0, 1].</summary>
    Probability,

    /// <summary>At least 1 (a number of classes).</summary>
    AtLeastOne,

    /// <summary>Mixing weights: each non-negative and finite, together summing to 1.</summary>
    ProbabilityVector,
}
