using System;

namespace MleGen;

/// <summary>
/// Processes that fit one model together, each holding its own shard of the data
/// (<see cref="FitOptions.Cluster"/>). Every rank runs the same optimizer; the per-chunk sums of the
/// NLL, gradient, information matrices and scores are combined across ranks in global chunk order, so
/// every rank gets the same <see cref="FitResult"/>, bit-identical to a one-process fit of all rows for
/// any number of ranks. A failure on any rank makes every rank throw the same <see cref="ClusterException"/>.
/// </summary>
/// <remarks>
/// The order and failure protocol lives here; a subclass supplies the transport: ordered point-to-point
/// messages between neighbouring ranks and broadcasts (<c>MleGen.Mpi</c>'s <c>MpiCluster</c> over MPI).
/// Every rank must make the same calls in the same order (the same fits, covariances and profiles).
/// </remarks>
public abstract partial class FitCluster
{
    /// <summary>This process's rank, 0 … <see cref="Size"/> − 1.</summary>
    public abstract int Rank { get; }

    /// <summary>The number of processes.</summary>
    public abstract int Size { get; }

    /// <summary>
    /// This rank's rows of a data set of <paramref name="rows"/> rows: a contiguous range cut at the
    /// evaluator's chunk boundaries (multiples of <see cref="ChunkedEvaluator.ChunkSize"/> rows), the
    /// chunks spread as evenly as they go. Shard every term's observed rows this way (each term by its
    /// own row count); the last ranks get no rows when there are fewer chunks than ranks (a fit then
    /// fails with a clear error).
    /// </summary>
    /// <param name="rows">The number of rows of the whole data set.</param>
    /// <returns>The first row (0-based, in the whole data set) and the number of rows of this rank.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative, or a shard would exceed <see cref="int.MaxValue"/> rows (use more ranks).</exception>
    public (long Start, int Count) ShardRange(long rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        long chunks = (rows / ChunkedEvaluator.ChunkSize) + (rows % ChunkedEvaluator.ChunkSize == 0 ? 0 : 1);
        // Rank r starts at chunk ⌈r·C/S⌉: when there are fewer chunks than ranks, the last ranks are the empty ones.
        long first = (long)((((Int128)chunks * Rank) + Size - 1) / Size);
        long last = (long)((((Int128)chunks * (Rank + 1)) + Size - 1) / Size);
        long start = Math.Min(rows, first * ChunkedEvaluator.ChunkSize);
        long end = Math.Min(rows, last * ChunkedEvaluator.ChunkSize);
        if (end - start > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"A shard of {end - start} rows does not fit one array: use more ranks.");
        }

        return (start, (int)(end - start));
    }

    /// <summary>Sends <paramref name="values"/> to rank <paramref name="destination"/> (blocking until the buffer may be reused).</summary>
    protected abstract void Send(ReadOnlySpan<double> values, int destination);

    /// <summary>Receives the next message from rank <paramref name="source"/> into <paramref name="values"/> (at least as long as the message) and returns its number of values.</summary>
    protected abstract int Receive(Span<double> values, int source);

    /// <summary>Waits for the next message from rank <paramref name="source"/> and returns its number of values without receiving it.</summary>
    protected abstract int PendingCount(int source);

    /// <summary>Broadcasts <paramref name="values"/> from rank <paramref name="root"/> to every rank (same length on every rank).</summary>
    protected abstract void Broadcast(Span<double> values, int root);

    /// <summary>Broadcasts <paramref name="bytes"/> from rank <paramref name="root"/> to every rank (same length on every rank).</summary>
    protected abstract void Broadcast(Span<byte> bytes, int root);
}
