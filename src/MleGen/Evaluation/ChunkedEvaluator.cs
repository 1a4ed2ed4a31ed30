using System;
using System.ComponentModel;
using System.Threading;

namespace MleGen;

/// <summary>
/// Runs a generated model over its observations in fixed-size chunks, in parallel above a size
/// threshold, and reduces the chunks' results in chunk order. The chunking depends only on the data
/// size and p, never on the thread count, so results are bit-identical for 1, 2 or N threads.
/// Workspaces are kept between calls: after the first call of a given shape nothing is allocated.
/// One evaluator serves one evaluation at a time: the generated model that owns it lets only one thread
/// in at a time (<see cref="ExclusiveUse"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ChunkedEvaluator
{
    /// <summary>Observations per chunk (at least): large enough to amortize a chunk's bookkeeping, small enough to balance threads.</summary>
    public const int ChunkSize = 4096;

    /// <summary>Below this many observations the chunks run on the calling thread.</summary>
    public const int ParallelThreshold = 32768;

    /// <summary>The most doubles the per-chunk outputs may hold (32 MB): p×p outputs get fewer, larger chunks.</summary>
    private const int OutputBudget = 4 << 20;

    private double[] _theta = [];
    private double[] _values = [];
    private double[] _outputs = [];
    private double[][] _scratch = [];
    private int[] _chunkTerm = [];
    private int[] _chunkStart = [];
    private int[] _chunkEnd = [];
    private int _chunkCount;

    // The job the workers share while a parallel evaluation runs.
    private IChunkKernel? _kernel;
    private EvaluationKind _kind;
    private int _width;
    private int _stride;
    private int _nextChunk;

    /// <summary>The number of threads to use: 0 (the default) for all processors, 1 for the calling thread only.</summary>
    public int Threads { get; set; }

    /// <summary>Evaluates <paramref name="kind"/> for <paramref name="kernel"/> at <paramref name="theta"/>, writing <paramref name="output"/> (cleared first) and returning the NLL (0 for the matrices).</summary>
    public double Evaluate(IChunkKernel kernel, EvaluationKind kind, ReadOnlySpan<double> theta, Span<double> output)
    {
        int p = theta.Length;
        int width = kind switch
        {
            EvaluationKind.Value => 0,
            EvaluationKind.Gradient => p,
            _ => p * p,
        };
        if (output.Length != width)
        {
            throw new ArgumentException("The output must have " + width + " elements for " + kind + ".", nameof(output));
        }

        // Threads is read once: a setter running meanwhile must not size the workspaces for one count and
        // run another (the results do not depend on it either way).
        int setting = Threads;
        int threads = setting <= 0 ? Environment.ProcessorCount : setting;
        Plan(kernel, width);
        Prepare(theta, width, threads);
        int observations = TotalObservations(kernel);
        _kernel = kernel;
        _kind = kind;
        _width = width;
        _stride = Stride(width);
        if (threads > 1 && observations >= ParallelThreshold && _chunkCount > 1)
        {
            ChunkWorkers.Run(this, Math.Min(threads, _chunkCount));
        }
        else
        {
            for (int c = 0; c < _chunkCount; c++)
            {
                RunChunk(c, 0);
            }
        }

        _kernel = null;
        double value = Reduce(output, width);
        if (kind is EvaluationKind.ObservedInformation or EvaluationKind.ExpectedInformation or EvaluationKind.ScoreOuterProduct)
        {
            MirrorUpperTriangle(output, p);
        }

        return value;
    }

    /// <summary>
    /// The kernels add only the upper triangle (row ≤ column) of the symmetric p×p outputs, half the
    /// work of the full matrix; the lower triangle is its mirror, so the matrix is exactly symmetric,
    /// as symmetric eigen- and Cholesky decompositions expect.
    /// </summary>
    private static void MirrorUpperTriangle(Span<double> matrix, int p)
    {
        for (int a = 0; a < p; a++)
        {
            for (int b = a + 1; b < p; b++)
            {
                matrix[b * p + a] = matrix[a * p + b];
            }
        }
    }

    /// <summary>Claims and runs chunks until none is left (called by every participating thread).</summary>
    internal void Work(int worker)
    {
        int c;
        while ((c = Interlocked.Increment(ref _nextChunk) - 1) < _chunkCount)
        {
            RunChunk(c, worker);
        }
    }

    internal void ResetClaims() => _nextChunk = 0;

    private void RunChunk(int c, int worker)
    {
        var output = _outputs.AsSpan(c * _stride, _width);
        output.Clear();
        _values[c] = _kernel!.EvaluateChunk(_kind, _chunkTerm[c], _theta, output, _scratch[worker], _chunkStart[c], _chunkEnd[c]);
    }

    private double Reduce(Span<double> output, int width)
    {
        output.Clear();
        double total = 0;
        for (int c = 0; c < _chunkCount; c++)
        {
            total += _values[c];
            var chunk = _outputs.AsSpan(c * _stride, width);
            for (int k = 0; k < width; k++)
            {
                output[k] += chunk[k];
            }
        }

        return total;
    }

    /// <summary>Splits every term into chunks; the split depends only on the observation counts and the output width.</summary>
    private void Plan(IChunkKernel kernel, int width)
    {
        int observations = TotalObservations(kernel);
        int size = ChunkSize;
        if (width > 0)
        {
            int maxChunks = Math.Max(1, OutputBudget / width);
            size = Math.Max(size, (int)Math.Min(int.MaxValue, ((long)observations + maxChunks - 1) / maxChunks));
        }

        int count = 0;
        for (int t = 0; t < kernel.TermCount; t++)
        {
            count += (kernel.TermObservationCount(t) + size - 1) / size;
        }

        if (_chunkTerm.Length < count)
        {
            _chunkTerm = new int[count];
            _chunkStart = new int[count];
            _chunkEnd = new int[count];
            _values = new double[count];
        }

        int c = 0;
        for (int t = 0; t < kernel.TermCount; t++)
        {
            int n = kernel.TermObservationCount(t);
            for (int start = 0; start < n; start += size)
            {
                _chunkTerm[c] = t;
                _chunkStart[c] = start;
                _chunkEnd[c] = Math.Min(n, start + size);
                c++;
            }
        }

        _chunkCount = count;
    }

    private void Prepare(ReadOnlySpan<double> theta, int width, int threads)
    {
        if (_theta.Length != theta.Length)
        {
            _theta = new double[theta.Length];
        }

        theta.CopyTo(_theta);
        if (_outputs.Length < _chunkCount * Stride(width))
        {
            _outputs = new double[_chunkCount * Stride(width)];
        }

        int workers = Math.Max(1, Math.Min(Environment.ProcessorCount, threads));
        if (_scratch.Length < workers || (_scratch.Length > 0 && _scratch[0].Length != theta.Length))
        {
            _scratch = new double[Math.Max(workers, _scratch.Length)][];
            for (int w = 0; w < _scratch.Length; w++)
            {
                _scratch[w] = new double[theta.Length];
            }
        }
    }

    /// <summary>
    /// The distance between two chunks' outputs: the width rounded up to whole cache lines (8 doubles)
    /// plus one line, so chunks that different threads run never write into the same cache line (the
    /// kernels accumulate gradients into their output on every observation; with adjacent outputs, two
    /// threads made the evaluation 1.5× slower than one).
    /// </summary>
    internal static int Stride(int width) => width == 0 ? 0 : ((width + 7) & ~7) + 8;

    private static int TotalObservations(IChunkKernel kernel)
    {
        long total = 0;
        for (int t = 0; t < kernel.TermCount; t++)
        {
            total += kernel.TermObservationCount(t);
        }

        return (int)Math.Min(int.MaxValue, total);
    }
}
