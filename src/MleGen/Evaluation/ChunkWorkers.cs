using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace MleGen;

/// <summary>
/// A small pool of background threads shared by all evaluators: the caller and up to
/// <c>ProcessorCount − 1</c> workers claim chunks of one evaluation at a time. Starting a job
/// allocates nothing. When another evaluation holds the pool, the caller runs its chunks alone
/// (same chunks, same reduction order, same result).
/// </summary>
internal static class ChunkWorkers
{
    private static readonly object Gate = new();
    private static Thread[] _threads = [];
    private static SemaphoreSlim? _start;
    private static CountdownEvent? _done;
    private static ChunkedEvaluator? _job;
    private static int _joined;
    private static Exception? _failure;

    public static void Run(ChunkedEvaluator evaluator, int threads)
    {
        evaluator.ResetClaims();
        if (!Monitor.TryEnter(Gate))
        {
            evaluator.Work(0);
            return;
        }

        try
        {
            EnsureThreads();
            int helpers = Math.Min(threads - 1, _threads.Length);
            if (helpers <= 0)
            {
                // One processor (e.g. a process bound to one core by mpirun) and more threads asked for.
                evaluator.Work(0);
                return;
            }

            _job = evaluator;
            _failure = null;
            _joined = 0;
            _done!.Reset(helpers);
            _start!.Release(helpers);
            evaluator.Work(0);
            _done.Wait();
            _job = null;
            if (_failure is not null)
            {
                ExceptionDispatchInfo.Capture(_failure).Throw();
            }
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    private static void EnsureThreads()
    {
        if (_start is not null)
        {
            return;
        }

        _start = new SemaphoreSlim(0);
        _done = new CountdownEvent(0);

        // The event behind CountdownEvent creates its lock object (24 bytes) the first time a caller
        // really blocks, which can happen on any later call when the machine is busy: block once here
        // (1 ms) so evaluations never allocate.
        _done.Reset(1);
        _done.Wait(1);
        _done.Reset(0);
        _threads = new Thread[Math.Max(0, Environment.ProcessorCount - 1)];
        for (int k = 0; k < _threads.Length; k++)
        {
            _threads[k] = new Thread(Loop) { IsBackground = true, Name = "MleGen evaluation " + (k + 1) };
            _threads[k].Start();
        }
    }

    private static void Loop()
    {
        while (true)
        {
            _start!.Wait();
            int worker = Interlocked.Increment(ref _joined);
            try
            {
                _job!.Work(worker);
            }
            catch (Exception ex)
            {
                // Rethrown on the calling thread by Run.
                Interlocked.CompareExchange(ref _failure, ex, null);
            }
            finally
            {
                _done!.Signal();
            }
        }
    }
}
