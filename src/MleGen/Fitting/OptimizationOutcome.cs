namespace MleGen;

/// <summary>The natural-scale minimizer of a fit problem and how the optimizer got there.</summary>
/// <param name="Theta">θ̂ on the natural scale (fixed parameters at their values).</param>
/// <param name="Result">The optimizer's report.</param>
/// <param name="Method">The method actually used.</param>
/// <param name="Objective">NLL + negative log prior (smooth and L1) at θ̂.</param>
/// <param name="MethodReason">Why <paramref name="Method"/> was used (the automatic choice's reason, or that it was requested).</param>
/// <param name="ThroughKinks">True when the likelihood has kinks and was solved by smoothing continuation (<see cref="Result"/> is its last stage's).</param>
internal sealed record OptimizationOutcome(double[] Theta, OptimizationResult Result, FitMethod Method, double Objective, string MethodReason, bool ThroughKinks = false);
