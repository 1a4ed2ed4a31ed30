namespace MleGen;

/// <summary>Why an optimizer stopped.</summary>
internal enum OptimizationStatus
{
    /// <summary>The gradient test passed.</summary>
    GradientConverged,

    /// <summary>The relative change of f over an iteration fell below the tolerance.</summary>
    FunctionConverged,

    /// <summary>The step became negligible relative to x.</summary>
    StepConverged,

    /// <summary>The iteration budget ran out.</summary>
    MaxIterations,

    /// <summary>No step along the search direction decreased f enough.</summary>
    LineSearchFailed,

    /// <summary>The objective was not finite at the start.</summary>
    NonFiniteStart,

    /// <summary>The step or the change of f became negligible while the gradient was still large: a stall, not a maximum (set by the fitting layer's verdict).</summary>
    Stalled,

    /// <summary>An L1 problem's optimizer stopped, but its optimality (KKT) conditions do not hold to the tolerance.</summary>
    KktNotMet,
}
