using System;
using System.Collections.Generic;
using System.Threading;

namespace MleGen.Tests.Cluster;

/// <summary>
/// A <see cref="FitCluster"/> whose ranks are threads of this process, with FIFO mailboxes between
/// each pair of ranks (point-to-point and broadcast apart), as MPI orders messages. A receive that waits
/// longer than <see cref="Patience"/> throws, so a protocol that would hang fails the test instead.
/// </summary>
internal sealed class InProcessCluster : FitCluster
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Network _network;

    private InProcessCluster(Network network, int rank)
    {
        _network = network;
        Rank = rank;
    }

    public override int Rank { get; }

    public override int Size => _network.Size;

    /// <summary>Runs <paramref name="body"/> on <paramref name="size"/> ranks at once; each rank's result or exception.</summary>
    public static (T? Result, Exception? Error)[] Run<T>(int size, Func<FitCluster, T> body)
    {
        var network = new Network(size);
        var outcomes = new (T? Result, Exception? Error)[size];
        var threads = new Thread[size];
        for (int r = 0; r < size; r++)
        {
            int rank = r;
            threads[r] = new Thread(() =>
            {
                try
                {
                    outcomes[rank] = (body(new InProcessCluster(network, rank)), null);
                }
                catch (Exception ex)
                {
                    outcomes[rank] = (default, ex);
                }
            }, 16 << 20);
            threads[r].Start();
        }

        foreach (var thread in threads)
        {
            if (!thread.Join(Patience + Patience))
            {
                throw new TimeoutException("A rank did not finish: the cluster protocol hung.");
            }
        }

        return outcomes;
    }

    protected override void Send(ReadOnlySpan<double> values, int destination) => _network.Box(Rank, destination, broadcast: false).Put(values.ToArray());

    protected override int Receive(Span<double> values, int source)
    {
        var message = (double[])_network.Box(source, Rank, broadcast: false).Take();
        if (message.Length > values.Length)
        {
            throw new InvalidOperationException($"Message truncated: {message.Length} values into {values.Length}.");
        }

        message.CopyTo(values);
        return message.Length;
    }

    protected override int PendingCount(int source) => ((double[])_network.Box(source, Rank, broadcast: false).Peek()).Length;

    protected override void Broadcast(Span<double> values, int root)
    {
        if (Rank == root)
        {
            for (int d = 0; d < Size; d++)
            {
                if (d != root)
                {
                    _network.Box(root, d, broadcast: true).Put(values.ToArray());
                }
            }

            return;
        }

        var message = (double[])_network.Box(root, Rank, broadcast: true).Take();
        if (message.Length != values.Length)
        {
            throw new InvalidOperationException($"Broadcast of {message.Length} values received as {values.Length}.");
        }

        message.CopyTo(values);
    }

    protected override void Broadcast(Span<byte> bytes, int root)
    {
        if (Rank == root)
        {
            for (int d = 0; d < Size; d++)
            {
                if (d != root)
                {
                    _network.Box(root, d, broadcast: true).Put(bytes.ToArray());
                }
            }

            return;
        }

        var message = (byte[])_network.Box(root, Rank, broadcast: true).Take();
        if (message.Length != bytes.Length)
        {
            throw new InvalidOperationException($"Broadcast of {message.Length} bytes received as {bytes.Length}.");
        }

        message.CopyTo(bytes);
    }

    private sealed class Network(int size)
    {
        private readonly Mailbox[] _boxes = CreateBoxes(size);

        public int Size { get; } = size;

        public Mailbox Box(int from, int to, bool broadcast) => _boxes[(((from * Size) + to) * 2) + (broadcast ? 1 : 0)];

        private static Mailbox[] CreateBoxes(int size)
        {
            var boxes = new Mailbox[size * size * 2];
            for (int k = 0; k < boxes.Length; k++)
            {
                boxes[k] = new Mailbox();
            }

            return boxes;
        }
    }

    private sealed class Mailbox
    {
        private readonly Queue<object> _queue = new();

        public void Put(object message)
        {
            lock (_queue)
            {
                _queue.Enqueue(message);
                Monitor.PulseAll(_queue);
            }
        }

        public object Take()
        {
            lock (_queue)
            {
                WaitForMessage();
                return _queue.Dequeue();
            }
        }

        public object Peek()
        {
            lock (_queue)
            {
                WaitForMessage();
                return _queue.Peek();
            }
        }

        private void WaitForMessage()
        {
            while (_queue.Count == 0)
            {
                if (!Monitor.Wait(_queue, Patience))
                {
                    throw new TimeoutException("No message arrived: the cluster protocol would hang.");
                }
            }
        }
    }
}
