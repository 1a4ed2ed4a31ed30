namespace MleGen;

/// <summary>The optimizer a fit uses.</summary>
public enum FitMethod
{
    /// <summary>L-BFGS with a strong-Wolfe line search (the default).</summary>
    Lbfgs,

    /// <summary>Newton's method on the observed information, safeguarded (modified Cholesky, step halving).</summary>
    Newton,

    /// <summary>Newton's method on the expected Fisher information, safeguarded.</summary>
    FisherScoring,

    /// <summary>Orthant-wise L-BFGS for L1/Laplace priors; chosen automatically when any is present.</summary>
    OwlQn,
}
