namespace MleGen;

/// <summary>The outcome of a line search; on success the accepted point and its gradient are in the caller's buffers.</summary>
/// <param name="Success">True when a step with sufficient decrease was accepted.</param>
/// <param name="Step">The accepted step length α.</param>
/// <param name="Value">f at the accepted point.</param>
/// <param name="Evaluations">Objective evaluations spent.</param>
internal readonly record struct LineSearchResult(bool Success, double Step, double Value, int Evaluations);
