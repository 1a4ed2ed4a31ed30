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

    /// <summary>
    /// The kink smoothing ε the chunks evaluate with (a model with <see cref="IMleModel.HasKinks"/>): the argument of the
    /// evaluation in progress, set by <see cref="ChunkedEvaluator"/> before its chunks run and back to 0 when it ends, so
    /// it is never seen outside one evaluation. A kernel without kinks has none: 0, and setting another value throws.
    /// </summary>
    double KinkSmoothing
    {
        get => 0;
        set
        {
            if (value != 0)
            {
                throw new NotSupportedException("This model has no kinks to smooth.");
            }
        }
    }

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
