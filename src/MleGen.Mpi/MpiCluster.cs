using System;

namespace MleGen.Mpi;

/// <summary>
/// The processes of an MPI job as a <see cref="FitCluster"/>: launch the program with
/// <c>mpirun -np N dotnet app.dll</c>, start MPI with <see cref="Start"/>, give each rank its shard
/// (<see cref="FitCluster.ShardRange"/>) and fit with <c>new FitOptions { Cluster = cluster }</c>.
/// Every rank gets the same <see cref="FitResult"/>, bit-identical to a one-process fit of all rows.
/// </summary>
/// <example>
/// <code>
/// using var cluster = MpiCluster.Start(ref args);
/// var (start, count) = cluster.ShardRange(rows);
/// var model = LoadRows(start, count);                    // this rank's rows only
/// FitResult fit = model.Fit(new FitOptions { Cluster = cluster });
/// if (cluster.Rank == 0) Console.WriteLine(fit);
/// </code>
/// </example>
public sealed unsafe class MpiCluster : FitCluster, IDisposable
{
    /// <summary>The message tag of MleGen's laps, on its own duplicate of MPI_COMM_WORLD (so it never meets the application's messages).</summary>
    private const int Tag = 16;

    private static MpiCluster? _current;

    private readonly bool _ownsMpi;
    private nint _communicator;

    private MpiCluster(nint communicator, int rank, int size, bool ownsMpi)
    {
        _communicator = communicator;
        Rank = rank;
        Size = size;
        _ownsMpi = ownsMpi;
    }

    /// <inheritdoc/>
    public override int Rank { get; }

    /// <inheritdoc/>
    public override int Size { get; }

    /// <summary>
    /// Initializes MPI (unless the application already did) and returns this process's view of the job.
    /// Dispose it at the end of the program: it finalizes MPI if it initialized it. Run without
    /// <c>mpirun</c>, the program is a job of one rank.
    /// </summary>
    /// <param name="args">The program's arguments (Open MPI passes nothing through them; kept for the usual MPI start-up shape).</param>
    /// <exception cref="DllNotFoundException">Open MPI's <c>libmpi.so.40</c> is not installed.</exception>
    /// <exception cref="InvalidOperationException">A cluster is already started in this process.</exception>
    public static MpiCluster Start(ref string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (_current is not null)
        {
            throw new InvalidOperationException("MPI is already started in this process: use the existing MpiCluster.");
        }

        OpenMpi.Load();
        int initialized, finalized;
        OpenMpi.Check(OpenMpi.Initialized(&initialized), "MPI_Initialized");
        OpenMpi.Check(OpenMpi.Finalized(&finalized), "MPI_Finalized");
        if (finalized != 0)
        {
            throw new InvalidOperationException("MPI was finalized in this process; it cannot be started again.");
        }

        if (initialized == 0)
        {
            int provided;
            OpenMpi.Check(OpenMpi.InitThread(null, null, OpenMpi.ThreadSerialized, &provided), "MPI_Init_thread");
        }

        nint communicator;
        int rank, size;
        OpenMpi.Check(OpenMpi.CommDup(OpenMpi.CommWorld, &communicator), "MPI_Comm_dup");
        OpenMpi.Check(OpenMpi.CommRank(communicator, &rank), "MPI_Comm_rank");
        OpenMpi.Check(OpenMpi.CommSize(communicator, &size), "MPI_Comm_size");
        _current = new MpiCluster(communicator, rank, size, ownsMpi: initialized == 0);
        return _current;
    }

    /// <summary>
    /// Ends the whole job at once with <paramref name="exitCode"/> (MPI_Abort): for an error that only
    /// this rank knows about outside a fit. A fit never needs it: its failures reach every rank.
    /// </summary>
    public void Abort(int exitCode)
    {
        OpenMpi.Abort(OpenMpi.CommWorld, exitCode);
    }

    /// <summary>Frees MleGen's communicator and finalizes MPI when <see cref="Start"/> initialized it. Every rank must dispose (MPI_Finalize is collective).</summary>
    public void Dispose()
    {
        if (_communicator == 0)
        {
            return;
        }

        nint communicator = _communicator;
        _communicator = 0;
        OpenMpi.Check(OpenMpi.CommFree(&communicator), "MPI_Comm_free");
        if (_ownsMpi)
        {
            OpenMpi.Check(OpenMpi.Finalize(), "MPI_Finalize");
        }

        _current = null;
    }

    /// <inheritdoc/>
    protected override void Send(ReadOnlySpan<double> values, int destination)
    {
        fixed (double* buffer = values)
        {
            OpenMpi.Check(OpenMpi.Send(buffer, values.Length, OpenMpi.Double, destination, Tag, Communicator), "MPI_Send");
        }
    }

    /// <inheritdoc/>
    protected override int Receive(Span<double> values, int source)
    {
        byte* status = stackalloc byte[OpenMpi.StatusBytes];
        int count;
        fixed (double* buffer = values)
        {
            OpenMpi.Check(OpenMpi.Recv(buffer, values.Length, OpenMpi.Double, source, Tag, Communicator, status), "MPI_Recv");
        }

        OpenMpi.Check(OpenMpi.GetCount(status, OpenMpi.Double, &count), "MPI_Get_count");
        return count;
    }

    /// <inheritdoc/>
    protected override int PendingCount(int source)
    {
        byte* status = stackalloc byte[OpenMpi.StatusBytes];
        int count;
        OpenMpi.Check(OpenMpi.Probe(source, Tag, Communicator, status), "MPI_Probe");
        OpenMpi.Check(OpenMpi.GetCount(status, OpenMpi.Double, &count), "MPI_Get_count");
        return count;
    }

    /// <inheritdoc/>
    protected override void Broadcast(Span<double> values, int root)
    {
        fixed (double* buffer = values)
        {
            OpenMpi.Check(OpenMpi.Bcast(buffer, values.Length, OpenMpi.Double, root, Communicator), "MPI_Bcast");
        }
    }

    /// <inheritdoc/>
    protected override void Broadcast(Span<byte> bytes, int root)
    {
        fixed (byte* buffer = bytes)
        {
            OpenMpi.Check(OpenMpi.Bcast(buffer, bytes.Length, OpenMpi.Byte, root, Communicator), "MPI_Bcast");
        }
    }

    private nint Communicator => _communicator != 0 ? _communicator : throw new ObjectDisposedException(nameof(MpiCluster));
}
