namespace MleGen;

/// <summary>What one pass over the observations computes.</summary>
public enum EvaluationKind
{
    /// <summary>The negative log-likelihood.</summary>
    Value,

    /// <summary>The negative log-likelihood and its gradient (p values).</summary>
    Gradient,

    /// <summary>The exact Hessian of the NLL (p×p).</summary>
    ObservedInformation,

    /// <summary>The expected Fisher information (p×p).</summary>
    ExpectedInformation,

    /// <summary>The score outer product Σᵢ sᵢsᵢᵀ (p×p).</summary>
    ScoreOuterProduct,

    /// <summary>The data-only part of the NLL (log y!, log C(n, y), …), constant in θ: summed once per data set, chunk by chunk like the rest.</summary>
    DataConstant,
}
