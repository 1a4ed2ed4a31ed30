using System;

namespace MleGen;

/// <summary>
/// A fit over a <see cref="FitCluster"/> failed on one of its processes (bad data in that rank's shard,
/// an exception anywhere in the fit): every rank throws this exception, with the same message, naming
/// the first rank (in rank order) that failed and its error. On that rank <see cref="Exception.InnerException"/>
/// is the original exception.
/// </summary>
public sealed class ClusterException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failedRank">The rank whose error the message reports.</param>
    /// <param name="message">The agreed message (the same on every rank).</param>
    /// <param name="inner">This rank's own failure, if it had one.</param>
    public ClusterException(int failedRank, string message, Exception? inner)
        : base(message, inner)
    {
        FailedRank = failedRank;
    }

    /// <summary>The rank whose error the message reports: the first rank, in rank order, that failed.</summary>
    public int FailedRank { get; }
}
