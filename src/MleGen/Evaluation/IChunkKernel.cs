using System;
using System.ComponentModel;

namespace MleGen;

/// <summary>
/// The per-chunk entry points of a generated model, driven by <see cref="ChunkedEvaluator"/>: each
/// evaluates one likelihood term over observations [start, end).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IChunkKernel
{
    /// <summary>The number of <c>[Likelihood]</c> terms.</summary>
    int TermCount { get; }

    /// <summary>
    /// Null when the model is row-local — observation i reads only row i of its per-observation data — else what breaks
    /// it (i used as a number, <c>X[i - 1]</c>, a per-observation member read at another row or its length read). A
    /// cluster fit renumbers each rank's rows from 0, so it refuses a model that is not row-local.
    /// </summary>
    string? RowLocalityViolation { get; }

    /// <summary>The number of observations of term <paramref name="term"/>.</summary>
    int TermObservationCount(int term);

    /// <summary>
    /// Adds term <paramref name="term"/>'s contribution over observations [start, end) into
    /// <paramref name="output"/> (empty, p or p×p values by <paramref name="kind"/>) and returns its NLL
    /// (for <see cref="EvaluationKind.Value"/> and <see cref="EvaluationKind.Gradient"/>), the data-only part of
    /// the NLL (for <see cref="EvaluationKind.DataConstant"/>), 0 otherwise.
    /// The p×p outputs (information matrices, score outer products) are symmetric: a kernel adds only
    /// their upper triangle (row ≤ column) and the evaluator mirrors it.
    /// <paramref name="scratch"/> holds p values of workspace.
    /// </summary>
    double EvaluateChunk(EvaluationKind kind, int term, ReadOnlySpan<double> theta, Span<double> output, Span<double> scratch, int start, int end);
}
