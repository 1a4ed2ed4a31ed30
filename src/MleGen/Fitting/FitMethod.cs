namespace MleGen;

/// <summary>The optimizer a fit uses.</summary>
public enum FitMethod
{
    /// <summary>L-BFGS with a strong-Wolfe line search (the default).</summary>
    Lbfgs,

    /// <summary>Newton's method on the observed information in a Levenberg–Marquardt trust region (the expected information where the observed one is indefinite). For small, hard nonlinear problems.</summary>
    Newton,

    /// <summary>Newton's method on the expected Fisher information in the same trust region (Levenberg–Marquardt for a Gaussian model).</summary>
    FisherScoring,

    /// <summary>Orthant-wise L-BFGS for L1/Laplace priors; chosen automatically when any is present.</summary>
    OwlQn,
}
