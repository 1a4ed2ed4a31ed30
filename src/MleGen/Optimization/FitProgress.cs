namespace MleGen;

/// <summary>One optimizer iteration, reported through <see cref="System.IProgress{T}"/>.</summary>
/// <param name="Iteration">The iteration just completed (1-based).</param>
/// <param name="Value">The objective (negative log-likelihood, plus the negative log prior for MAP) after the iteration.</param>
/// <param name="GradientNorm">The infinity norm of the (projected or pseudo-) gradient in the unconstrained coordinates.</param>
public readonly record struct FitProgress(int Iteration, double Value, double GradientNorm);
