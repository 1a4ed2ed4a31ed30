using System;
using System.Threading;

namespace MleGen;

/// <summary>
/// One rank's view of a model fitted over a <see cref="FitCluster"/>: the local model holds this rank's
/// shard; every evaluation runs the local chunks and folds them with the other ranks' in global chunk
/// order (term by term: the chunks of term 0 on every rank, then term 1, …), so the NLL, gradient and
/// matrices are the one-process sums of all rows, bit for bit. Validation, the data-only constant and the
/// observation count are global too. The fitting layer uses it like any model.
/// </summary>
internal sealed class ClusteredModel : IMleModel, IRankFold
{
    private readonly IMleModel _model;
    private readonly IChunkKernel _kernel;
    /// <summary>
    /// A rank keeps up to 512 MB of chunk outputs (64 M doubles) so that it computes all its chunks
    /// before the ordered fold reaches it (e.g. 1e8 rows, p = 20: 24,415 chunks × 408 doubles = 80 MB for
    /// an information matrix); beyond it the later waves are computed inside the fold, one rank at a time.
    /// </summary>
    private const int RankOutputBudget = 64 << 20;

    private readonly ChunkedEvaluator _evaluator = new() { OutputBudgetDoubles = RankOutputBudget };
    private readonly CancellationToken _cancellation;
    private readonly double _dataConstant;
    private double[] _accumulator = [];
    private int _term;
    private bool _counting;

    /// <summary>Validates every rank's shard and sums the data-only constant and the observation count across ranks.</summary>
    public ClusteredModel(IMleModel model, FitCluster cluster, CancellationToken cancellation)
    {
        _model = model;
        Cluster = cluster;
        _cancellation = cancellation;
        _kernel = model as IChunkKernel ?? throw new NotSupportedException($"{model.GetType().Name} is not a generated model: a cluster fit evaluates the generated chunk kernels of each rank's shard.");
        _evaluator.Threads = model.EvaluationThreads;
        int p = model.ParameterCount;
        Exception? failure = null;
        try
        {
            if (_kernel.RowLocalityViolation is { } violation)
            {
                throw new NotSupportedException($"{model.GetType().Name} cannot be fitted over a cluster: its {violation}. Each rank holds its rows numbered from 0, so a sharded model must be row-local (observation i reads only row i of the per-observation data).");
            }

            for (int t = 0; t < _kernel.TermCount; t++)
            {
                if (_kernel.TermObservationCount(t) == 0)
                {
                    throw new InvalidOperationException($"Rank {cluster.Rank} holds no observations of likelihood term {t}: a shard is made of whole {ChunkedEvaluator.ChunkSize}-row chunks, so use at most ⌈rows / {ChunkedEvaluator.ChunkSize}⌉ ranks.");
                }
            }

            model.ValidateData();
            _evaluator.Begin(_kernel, EvaluationKind.DataConstant, new double[p], 0);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        // [data-only constant, observation count], folded term by term like the NLL; the fingerprint
        // checks that every rank has the same parameter count and terms.
        double[] sums = new double[2];
        _counting = true;
        try
        {
            for (_term = 0; _term < _kernel.TermCount; _term++)
            {
                cluster.OrderedFold(sums, failure is null ? this : null, Fingerprint.Of(p, _kernel.TermCount), failure);
            }
        }
        finally
        {
            _evaluator.End();
            _counting = false;
        }

        _dataConstant = sums[0];
        TotalObservationCount = (long)sums[1];
    }

    public FitCluster Cluster { get; }

    /// <summary>n over every rank's shard.</summary>
    public long TotalObservationCount { get; }

    public int ParameterCount => _model.ParameterCount;

    public int ObservationCount => TotalObservationCount <= int.MaxValue
        ? (int)TotalObservationCount
        : throw new OverflowException($"The cluster holds {TotalObservationCount} observations, more than an int counts; FitResult.ObservationCount has them all.");

    public int EvaluationThreads { get => _evaluator.Threads; set => _evaluator.Threads = value; }

    public bool HasExpectedInformation => _model.HasExpectedInformation;

    public bool HasCheapExpectedInformation => _model.HasCheapExpectedInformation;

    public bool HasKinks => _model.HasKinks;


    public bool HasPrior => _model.HasPrior;

    public string GetParameterName(int index) => _model.GetParameterName(index);

    public ParameterInfo GetParameterInfo(int index) => _model.GetParameterInfo(index);

    /// <summary>The model's description without its GLM part: a rank holds only its shard of the observations, so its deviance would be the shard's.</summary>
    public ModelDescription? Describe() => _model.Describe() is { } d ? new ModelDescription(d.Name, d.Terms, d.Priors, null) : null;

    public void ReadParameters(Span<double> theta) => _model.ReadParameters(theta);

    public void WriteParameters(ReadOnlySpan<double> theta) => _model.WriteParameters(theta);

    public void ValidateData() => _model.ValidateData();

    public double NegativeLogLikelihood(ReadOnlySpan<double> theta) => Combine(EvaluationKind.Value, theta, Span<double>.Empty) + _dataConstant;

    public double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient) => Combine(EvaluationKind.Gradient, theta, gradient) + _dataConstant;

    public void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information) => Combine(EvaluationKind.ObservedInformation, theta, information);

    /// <summary>The smoothed evaluations: every rank's kernels evaluate with the same ε, passed to this evaluation only.</summary>
    public double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient, double kinkSmoothing) =>
        Combine(gradient.IsEmpty ? EvaluationKind.Value : EvaluationKind.Gradient, theta, gradient, Smoothing(kinkSmoothing)) + _dataConstant;

    public void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information, double kinkSmoothing) =>
        Combine(EvaluationKind.ObservedInformation, theta, information, Smoothing(kinkSmoothing));

    public void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information)
    {
        if (!_model.HasExpectedInformation)
        {
            // A generated model without one throws its InvalidOperationException (naming the term) here, on every rank
            // alike and before any reduction; a hand-written one that returns something is combined as usual.
            _model.ExpectedInformation(theta, information);
        }

        Combine(EvaluationKind.ExpectedInformation, theta, information);
    }

    public void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat) => Combine(EvaluationKind.ScoreOuterProduct, theta, meat);

    public double NegativeLogPrior(ReadOnlySpan<double> theta, Span<double> gradient) => _model.NegativeLogPrior(theta, gradient);

    public void NegativeLogPriorHessian(ReadOnlySpan<double> theta, Span<double> hessian) => _model.NegativeLogPriorHessian(theta, hessian);

    public L1Penalty GetL1Penalty(int index) => _model.GetL1Penalty(index);

    /// <summary>Adds this rank's chunks of the current term into the running sum [total, output…] (or [constant, count]).</summary>
    void IRankFold.Fold(Span<double> accumulator)
    {
        (int first, int end) = _evaluator.TermChunks(_term);
        _evaluator.Fold(first, end, ref accumulator[0], accumulator[(_counting ? 2 : 1)..]);
        if (_counting)
        {
            accumulator[1] += _kernel.TermObservationCount(_term);
        }
    }

    /// <summary>A valid ε, and 0 for a model without kinks (its own smoothing).</summary>
    private double Smoothing(double kinkSmoothing)
    {
        KinkSmoothing.Check(kinkSmoothing);
        return HasKinks ? kinkSmoothing : 0;
    }

    /// <summary>This rank's chunks, then one ordered fold per term; returns the total NLL part and writes the output on every rank.</summary>
    private double Combine(EvaluationKind kind, ReadOnlySpan<double> theta, Span<double> output, double kinkSmoothing = 0)
    {
        if (theta.Length != ParameterCount)
        {
            throw new ArgumentException($"theta has {theta.Length} values; the model has {ParameterCount} parameters.", nameof(theta));
        }

        Exception? failure = null;
        try
        {
            _cancellation.ThrowIfCancellationRequested();
            _evaluator.Begin(_kernel, kind, theta, output.Length, kinkSmoothing);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        int length = 1 + output.Length;
        if (_accumulator.Length != length)
        {
            _accumulator = new double[length];
        }

        Span<double> sums = _accumulator;
        sums.Clear();
        double fingerprint = Fingerprint.Of(theta);
        try
        {
            for (_term = 0; _term < _kernel.TermCount; _term++)
            {
                Cluster.OrderedFold(sums, failure is null ? this : null, fingerprint, failure);
            }
        }
        finally
        {
            _evaluator.End();
        }

        sums[1..].CopyTo(output);
        ChunkedEvaluator.Complete(kind, output, theta.Length);
        return sums[0];
    }
}
