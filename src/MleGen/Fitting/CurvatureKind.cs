namespace MleGen;

/// <summary>Which second-derivative matrix a <see cref="ModelObjective"/> hands to Newton's method.</summary>
internal enum CurvatureKind
{
    /// <summary>The observed information (exact Hessian of the NLL): Newton.</summary>
    Observed,

    /// <summary>The expected Fisher information: Fisher scoring.</summary>
    Expected,
}
