using System;
using System.ComponentModel;
using System.Threading;

namespace MleGen;

/// <summary>
/// Runs a generated model over its observations in fixed-size chunks, in parallel above a size
/// threshold, and reduces the chunks' results in chunk order. The chunks are <see cref="ChunkSize"/>
/// observations of one term each, whatever the data size, the output width or the thread count, so
/// results are bit-identical for 1, 2 or N threads — and, because the boundaries are fixed, a data set
/// cut at chunk boundaries across processes (<see cref="FitCluster.ShardRange"/>) reduces to the same
/// bits too. Workspaces are kept between calls: after the first call of a given shape nothing is allocated.
/// One evaluator serves one evaluation at a time: the generated model that owns it lets only one thread
/// in at a time (<see cref="ExclusiveUse"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ChunkedEvaluator
{
    /// <summary>Observations per chunk: large enough to amortize a chunk's bookkeeping, small enough to balance threads.</summary>
    public const int ChunkSize = 4096;

    /// <summary>Below this many observations the chunks run on the calling thread.</summary>
    public const int ParallelThreshold = 32768;

    /// <summary>
    /// The most doubles the per-chunk outputs may hold at once (32 MB): wide (p×p) outputs over many
    /// chunks are computed in waves of as many chunks as fit, each folded into the total in chunk order
    /// before the next (the same sum as one wave).
    /// </summary>
    private const int OutputBudget = 4 << 20;

    private double[] _theta = [];
    private double[] _values = [];
    private double[] _outputs = [];
    private double[][] _scratch = [];
    private int[] _chunkTerm = [];
    private int[] _chunkStart = [];
    private int[] _chunkEnd = [];
    private int[] _termFirstChunk = [];
    private int _chunkCount;

    // The evaluation in progress (shared with the workers while a wave runs in parallel).
    private IChunkKernel? _kernel;
    private IChunkKernel? _smoothed; // the kernel whose kink smoothing this evaluation set, reset by End
    private EvaluationKind _kind;
    private int _width;
    private int _stride;
    private int _threads = 1; // the thread count of the current evaluation, read once from Threads in Begin
    private int _waveCapacity;
    private int _waveFirst;
    private int _waveEnd;
    private int _nextChunk;

    /// <summary>The number of threads to use: 0 (the default) for all processors, 1 for the calling thread only.</summary>
    public int Threads { get; set; }

    /// <summary>
    /// The vector width (8, 4, or 1 for the scalar kernels) of the evaluation in progress or the last one, fixed when
    /// an evaluation begins, so every chunk of it, whichever thread runs it, uses the same kernels. The generated
    /// kernels dispatch on it.
    /// </summary>
    public int VectorWidth { get; private set; } = VectorKernels.DefaultWidth;

    /// <summary>A width (1, 4 or 8) this evaluator's evaluations use instead of <see cref="VectorKernels.DefaultWidth"/>, or 0: how the tests run every model through both the scalar and the vector kernels.</summary>
    internal int ForcedVectorWidth
    {
        get;
        set => field = value is 0 or 1 or 4 or 8 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The width must be 0 (the default), 1, 4 or 8.");
    }

    /// <summary>
    /// The most doubles the chunk outputs may hold at once (default 32 MB). A cluster rank raises it: a
    /// wave after the first is computed inside the ordered fold, while the later ranks wait.
    /// </summary>
    internal int OutputBudgetDoubles { get; set; } = OutputBudget;

    /// <summary>
    /// The NLL's data-only constant (log y!, log C(n, y), …) of <paramref name="kernel"/>'s data, on the calling
    /// thread: each chunk's sum added in chunk order, the same additions <see cref="Evaluate"/> makes for
    /// <see cref="EvaluationKind.DataConstant"/> (and a cluster makes across its ranks), so the bits agree. The
    /// kernels read no θ for it, so it needs none; it runs once per data set.
    /// </summary>
    public static double DataConstant(IChunkKernel kernel)
    {
        double total = 0;
        for (int term = 0; term < kernel.TermCount; term++)
        {
            int n = kernel.TermObservationCount(term);
            for (int start = 0; start < n; start += ChunkSize)
            {
                total += kernel.EvaluateChunk(EvaluationKind.DataConstant, term, default, default, default, start, Math.Min(n, start + ChunkSize));
            }
        }

        return total;
    }

    /// <summary>
    /// Evaluates <paramref name="kind"/> for <paramref name="kernel"/> at <paramref name="theta"/>, writing <paramref name="output"/>
    /// (cleared first) and returning the NLL (the data-only constant for <see cref="EvaluationKind.DataConstant"/>, 0 for the
    /// matrices), with the kernel's kinks smoothed by <paramref name="kinkSmoothing"/> (see <see cref="IMleModel.HasKinks"/>).
    /// </summary>
    public double Evaluate(IChunkKernel kernel, EvaluationKind kind, ReadOnlySpan<double> theta, Span<double> output, double kinkSmoothing = 0)
    {
        try
        {
            Begin(kernel, kind, theta, output.Length, kinkSmoothing);
            double total = 0;
            output.Clear();
            Fold(0, _chunkCount, ref total, output);
            Complete(kind, output, theta.Length);
            return total;
        }
        finally
        {
            End();
        }
    }

    /// <summary>The output width of <paramref name="kind"/> for p parameters: none, p, or p×p.</summary>
    internal static int WidthOf(EvaluationKind kind, int p) => kind switch
    {
        EvaluationKind.Value or EvaluationKind.DataConstant => 0,
        EvaluationKind.Gradient => p,
        EvaluationKind.ObservedInformation or EvaluationKind.ExpectedInformation or EvaluationKind.ScoreOuterProduct => p * p,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown evaluation kind."),
    };

    /// <summary>
    /// Starts an evaluation: plans the chunks and computes the first wave (every chunk, unless wide
    /// outputs exceed the budget). <see cref="Fold"/> then sums ranges of chunks in order (computing
    /// the chunks not yet computed); <see cref="End"/> releases the kernel (call it even when this throws).
    /// The kernel evaluates its kinks with <paramref name="kinkSmoothing"/> until <see cref="End"/>.
    /// </summary>
    internal void Begin(IChunkKernel kernel, EvaluationKind kind, ReadOnlySpan<double> theta, int outputLength, double kinkSmoothing = 0)
    {
        KinkSmoothing.Check(kinkSmoothing);
        int width = WidthOf(kind, theta.Length);
        if (outputLength != width)
        {
            throw new ArgumentException("The output must have " + width + " elements for " + kind + ".", "output");
        }

        // Threads is read once per evaluation: a setter running meanwhile must not size the workspaces for
        // one count and run another (the results do not depend on it either way).
        int setting = Threads;
        _threads = setting <= 0 ? Environment.ProcessorCount : setting;
        Plan(kernel);
        _stride = Stride(width);
        _waveCapacity = width == 0 ? Math.Max(1, _chunkCount) : Math.Max(1, Math.Min(_chunkCount, OutputBudgetDoubles / _stride));
        Prepare(theta);
        if (kinkSmoothing != 0)
        {
            kernel.KinkSmoothing = kinkSmoothing;
            _smoothed = kernel;
        }

        _kernel = kernel;
        VectorWidth = ForcedVectorWidth != 0 ? ForcedVectorWidth : VectorKernels.DefaultWidth;
        _kind = kind;
        _width = width;
        _waveFirst = _waveEnd = 0;
        if (_chunkCount > 0)
        {
            RunWave(0, _chunkCount);
        }
    }

    /// <summary>The chunks [First, End) of term <paramref name="term"/> in the current plan.</summary>
    internal (int First, int End) TermChunks(int term) => (_termFirstChunk[term], _termFirstChunk[term + 1]);

    /// <summary>Adds chunks [first, end) into (<paramref name="total"/>, <paramref name="output"/>) in chunk order.</summary>
    internal void Fold(int first, int end, ref double total, Span<double> output)
    {
        for (int c = first; c < end; c++)
        {
            if (c < _waveFirst || c >= _waveEnd)
            {
                RunWave(c, end);
            }

            total += _values[c];
            if (_width > 0)
            {
                var chunk = _outputs.AsSpan((c - _waveFirst) * _stride, _width);
                for (int k = 0; k < _width; k++)
                {
                    output[k] += chunk[k];
                }
            }
        }
    }

    /// <summary>Mirrors the upper triangle of the p×p kinds (the kernels add only that half).</summary>
    internal static void Complete(EvaluationKind kind, Span<double> output, int p)
    {
        if (kind is EvaluationKind.ObservedInformation or EvaluationKind.ExpectedInformation or EvaluationKind.ScoreOuterProduct)
        {
            MirrorUpperTriangle(output, p);
        }
    }

    /// <summary>Ends the evaluation: the kernel is released and its kink smoothing is back to 0.</summary>
    internal void End()
    {
        _kernel = null;
        if (_smoothed is { } smoothed)
        {
            _smoothed = null;
            smoothed.KinkSmoothing = 0;
        }
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

    /// <summary>Computes chunks [first, min(limit, first + capacity)) into the wave buffers, in parallel when large enough.</summary>
    private void RunWave(int first, int limit)
    {
        _waveFirst = first;
        _waveEnd = Math.Min(limit, first + _waveCapacity);
        int threads = _threads;
        int chunks = _waveEnd - _waveFirst;
        if (threads > 1 && chunks > 1 && ObservationsOf(_waveFirst, _waveEnd) >= ParallelThreshold)
        {
            ChunkWorkers.Run(this, Math.Min(threads, chunks));
        }
        else
        {
            for (int c = _waveFirst; c < _waveEnd; c++)
            {
                RunChunk(c, 0);
            }
        }
    }

    /// <summary>Claims and runs chunks of the current wave until none is left (called by every participating thread).</summary>
    internal void Work(int worker)
    {
        int c;
        while ((c = Interlocked.Increment(ref _nextChunk) - 1) < _waveEnd)
        {
            RunChunk(c, worker);
        }
    }

    internal void ResetClaims() => _nextChunk = _waveFirst;

    private void RunChunk(int c, int worker)
    {
        var output = _outputs.AsSpan((c - _waveFirst) * _stride, _width);
        output.Clear();
        _values[c] = _kernel!.EvaluateChunk(_kind, _chunkTerm[c], _theta, output, _scratch[worker], _chunkStart[c], _chunkEnd[c]);
    }

    /// <summary>Splits every term into chunks of <see cref="ChunkSize"/>; the split depends only on the observation counts.</summary>
    private void Plan(IChunkKernel kernel)
    {
        int terms = kernel.TermCount;
        if (_termFirstChunk.Length != terms + 1)
        {
            _termFirstChunk = new int[terms + 1];
        }

        int count = 0;
        for (int t = 0; t < terms; t++)
        {
            _termFirstChunk[t] = count;
            count += (kernel.TermObservationCount(t) + ChunkSize - 1) / ChunkSize;
        }

        _termFirstChunk[terms] = count;
        if (_chunkTerm.Length < count)
        {
            _chunkTerm = new int[count];
            _chunkStart = new int[count];
            _chunkEnd = new int[count];
            _values = new double[count];
        }

        int c = 0;
        for (int t = 0; t < terms; t++)
        {
            int n = kernel.TermObservationCount(t);
            for (int start = 0; start < n; start += ChunkSize)
            {
                _chunkTerm[c] = t;
                _chunkStart[c] = start;
                _chunkEnd[c] = Math.Min(n, start + ChunkSize);
                c++;
            }
        }

        _chunkCount = count;
    }

    private void Prepare(ReadOnlySpan<double> theta)
    {
        if (_theta.Length != theta.Length)
        {
            _theta = new double[theta.Length];
        }

        theta.CopyTo(_theta);
        if (_outputs.Length < _waveCapacity * _stride)
        {
            _outputs = new double[_waveCapacity * _stride];
        }

        int workers = Math.Max(1, Math.Min(Environment.ProcessorCount, _threads));
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

    private long ObservationsOf(int first, int end)
    {
        long total = 0;
        for (int c = first; c < end; c++)
        {
            total += _chunkEnd[c] - _chunkStart[c];
        }

        return total;
    }
}
