namespace MleGen;

/// <summary>How a report's confidence intervals were computed.</summary>
public enum IntervalKind
{
    /// <summary>Estimate ∓ z·se (normal approximation at the estimate).</summary>
    Wald,

    /// <summary>Profile likelihood: where the likelihood-ratio statistic crosses χ²₁(level).</summary>
    Profile,
}
