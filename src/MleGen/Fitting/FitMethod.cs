namespace MleGen;

/// <summary>The optimizer a fit uses.</summary>
public enum FitMethod
{
    /// <summary>
    /// The default: <see cref="Newton"/> when the exact Hessian is cheap (n·p² up to 10⁶, or up to 3 free parameters),
    /// <see cref="Lbfgs"/> otherwise, <see cref="OwlQn"/> with L1/Laplace penalties. The choice and
    /// its reason are in <see cref="FitResult.Method"/> and <see cref="FitResult.MethodReason"/>.
    /// </summary>
    Auto,

    /// <summary>L-BFGS with a strong-Wolfe line search, finished (or polished) by Newton on the exact Hessian. For many parameters.</summary>
    Lbfgs,

    /// <summary>Newton's method on the observed information in a Levenberg–Marquardt trust region (the expected information where the observed one is indefinite). For small, hard nonlinear problems.</summary>
    Newton,

    /// <summary>Newton's method on the expected Fisher information in the same trust region (Levenberg–Marquardt for a Gaussian model).</summary>
    FisherScoring,

    /// <summary>Orthant-wise L-BFGS for L1/Laplace priors, polished by Newton on the active set; chosen whenever a positive L1 weight is present.</summary>
    OwlQn,
}
