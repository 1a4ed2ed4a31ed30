namespace MleGen;

/// <summary>Which matrix the standard errors come from.</summary>
public enum CovarianceKind
{
    /// <summary>The inverse observed information (exact Hessian of the NLL, plus the prior's for MAP) at the estimate.</summary>
    Observed,

    /// <summary>The inverse expected Fisher information (plus the prior's Hessian for MAP) at the estimate.</summary>
    Expected,

    /// <summary>The robust (HC0) sandwich A⁻¹BA⁻¹: A the observed information, B = Σᵢ sᵢsᵢᵀ from per-observation scores.</summary>
    Sandwich,
}
