using System;
using System.Text;

namespace MleGen;

/// <summary>
/// The ordered fold: a lap of the running sum through the ranks in rank order (rank r receives the sum
/// of ranks 0 … r − 1, adds its own chunks in their order, passes it on), then a broadcast of the total
/// from the last rank. The floating-point additions are exactly those of one process summing every
/// chunk in order, and each rank adds while the others wait only for its adds, not its evaluation.
/// Every message starts with a header — status, message length, fingerprint — so a rank that failed
/// still takes part: it marks the lap failed, and every rank then throws the same error.
/// </summary>
public abstract partial class FitCluster
{
    /// <summary>Header slots: status (0 ok, else failed rank + 1), the failure message's byte count (−1: cancelled), the fingerprint.</summary>
    private const int Header = 3;

    private double[] _lap = new double[Header];
    private readonly double[] _header = new double[Header];
    private byte[] _failureMessage = [];
    private Exception? _localFailure;
    private Exception? _agreed;

    /// <summary>
    /// Folds every rank's contributions into <paramref name="accumulator"/> in rank order: on entry the
    /// same start value on every rank, on return the same total on every rank. <paramref name="fingerprint"/>
    /// must agree across ranks (a hash of what all ranks should share, e.g. θ). When any rank passes a
    /// <paramref name="failure"/> (or its <paramref name="step"/> throws), every rank throws the same
    /// <see cref="ClusterException"/> (or <see cref="OperationCanceledException"/> for a cancellation).
    /// </summary>
    internal void OrderedFold(Span<double> accumulator, IRankFold? step, double fingerprint, Exception? failure)
    {
        int length = Header + accumulator.Length;
        if (_lap.Length < length)
        {
            _lap = new double[length];
        }

        Span<double> message = _lap.AsSpan(0, length);
        if (Rank == 0)
        {
            message[0] = 0;
            message[1] = 0;
            message[2] = fingerprint;
            accumulator.CopyTo(message[Header..]);
        }
        else
        {
            int received = Receive(message, Rank - 1);
            if (message[0] == 0 && received != length && failure is null)
            {
                failure = new InvalidOperationException($"Rank {Rank} expected {length} values from rank {Rank - 1} and received {received}: the ranks are not running the same fit.");
            }
        }

        if (message[0] == 0)
        {
            if (failure is null && message[2] != fingerprint)
            {
                failure = new InvalidOperationException($"Rank {Rank}'s parameters or model shape differ from rank 0's: every rank must run the same fit (the same model type and parameter shapes, options and start values), each on its own shard.");
            }

            if (failure is null && step is not null)
            {
                try
                {
                    step.Fold(message[Header..]);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            }

            if (failure is not null)
            {
                MarkFailed(message, failure);
            }
        }

        if (Rank < Size - 1)
        {
            Send(message[0] == 0 ? message : message[..Header], Rank + 1);
        }

        Spread(message, accumulator, failure);
    }

    /// <summary>
    /// Takes part, as a failed rank, in the lap the other ranks are in (or enter next), whatever its
    /// length, so that they learn of <paramref name="failure"/> instead of waiting forever; returns the
    /// agreed exception to throw.
    /// </summary>
    internal Exception FailOutsideFold(Exception failure)
    {
        double[] message = new double[Header];
        if (Rank > 0)
        {
            message = new double[Math.Max(Header, PendingCount(Rank - 1))];
            Receive(message, Rank - 1);
        }

        if (message[0] == 0)
        {
            MarkFailed(message, failure);
        }

        if (Rank < Size - 1)
        {
            Send(message.AsSpan(0, Header), Rank + 1);
        }

        try
        {
            Spread(message, Span<double>.Empty, failure);
        }
        catch (Exception agreed) when (ReferenceEquals(agreed, _agreed))
        {
            return agreed;
        }

        throw new InvalidOperationException("A failed lap was agreed as a success.");
    }

    /// <summary>True for an exception that every rank throws (the protocol's own), which needs no further lap.</summary>
    internal bool IsAgreed(Exception exception) => ReferenceEquals(exception, _agreed);

    /// <summary>
    /// Runs one cluster operation (a fit, a covariance, a profile) that every rank runs: a failure
    /// anywhere in it on one rank becomes the same exception on every rank, and a final lap confirms
    /// that every rank finished before any returns.
    /// </summary>
    internal T Run<T>(Func<T> operation)
    {
        T result;
        try
        {
            result = operation();
        }
        catch (Exception ex) when (!IsAgreed(ex))
        {
            throw FailOutsideFold(ex);
        }

        OrderedFold(Span<double>.Empty, null, 0, null);
        return result;
    }

    private void MarkFailed(Span<double> message, Exception failure)
    {
        _localFailure = failure;
        message[0] = Rank + 1;
        if (failure is OperationCanceledException)
        {
            message[1] = -1;
            _failureMessage = [];
            return;
        }

        string detail = failure is ModelDataException ? " (the index is within that rank's shard)" : "";
        _failureMessage = Encoding.UTF8.GetBytes($"Rank {Rank} of {Size} failed: {failure.GetType().Name}: {failure.Message}{detail}");
        message[1] = _failureMessage.Length;
    }

    /// <summary>The last rank broadcasts the header, then the total — or the failed rank its message, and every rank throws.</summary>
    private void Spread(Span<double> message, Span<double> accumulator, Exception? failure)
    {
        if (Size > 1)
        {
            message[..Header].CopyTo(_header);
            Broadcast(_header, Size - 1);
            _header.CopyTo(message);
        }

        if (message[0] == 0)
        {
            if (Size > 1 && accumulator.Length > 0)
            {
                Broadcast(message[Header..], Size - 1);
            }

            message[Header..].CopyTo(accumulator);
            return;
        }

        int failedRank = (int)message[0] - 1;
        Exception? own = failure ?? (Rank == failedRank ? _localFailure : null);
        if (message[1] < 0)
        {
            _agreed = new OperationCanceledException($"The fit was cancelled on rank {failedRank}.", own);
            throw _agreed;
        }

        byte[] bytes = Rank == failedRank ? _failureMessage : new byte[(int)message[1]];
        if (Size > 1)
        {
            Broadcast(bytes, failedRank);
        }

        _agreed = new ClusterException(failedRank, Encoding.UTF8.GetString(bytes), own);
        throw _agreed;
    }
}
