using System;

namespace MleGen.Benchmarks;

/// <summary>
/// Forwards every <see cref="IMleModel"/> member to a model, counting the evaluations and recording
/// the current thread's allocated bytes at each NLL + gradient call (into a preallocated buffer, so
/// the recording itself allocates nothing). Used by the fit report, not by the timed benchmarks.
/// </summary>
internal sealed class CountingModel(IMleModel inner) : IMleModel
{
    private readonly long[] _allocatedAtGradient = new long[100_000];

    /// <summary>NLL-only evaluations.</summary>
    public int ValueCalls { get; private set; }

    /// <summary>NLL + gradient evaluations.</summary>
    public int GradientCalls { get; private set; }

    /// <summary>Observed or expected information evaluations.</summary>
    public int InformationCalls { get; private set; }

    /// <summary>Bytes the current thread allocated between the first and the last NLL + gradient call: the optimizer's loop after its set-up.</summary>
    public long LoopAllocatedBytes => GradientCalls < 2 ? 0 : _allocatedAtGradient[Math.Min(GradientCalls, _allocatedAtGradient.Length) - 1] - _allocatedAtGradient[0];

    /// <summary>How many of the intervals between consecutive NLL + gradient calls allocated anything.</summary>
    public int AllocatingIntervals
    {
        get
        {
            int count = 0;
            for (int i = 1; i < Math.Min(GradientCalls, _allocatedAtGradient.Length); i++)
            {
                count += _allocatedAtGradient[i] != _allocatedAtGradient[i - 1] ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>Zeroes the counters.</summary>
    public void Reset()
    {
        ValueCalls = 0;
        GradientCalls = 0;
        InformationCalls = 0;
    }

    public int ParameterCount => inner.ParameterCount;

    public int ObservationCount => inner.ObservationCount;

    public int EvaluationThreads { get => inner.EvaluationThreads; set => inner.EvaluationThreads = value; }

    public bool HasExpectedInformation => inner.HasExpectedInformation;

    public bool HasPrior => inner.HasPrior;

    public bool HasKinks => inner.HasKinks;

    public string GetParameterName(int index) => inner.GetParameterName(index);

    public ParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

    public void ReadParameters(Span<double> theta) => inner.ReadParameters(theta);

    public void WriteParameters(ReadOnlySpan<double> theta) => inner.WriteParameters(theta);

    public void ValidateData() => inner.ValidateData();

    public double NegativeLogLikelihood(ReadOnlySpan<double> theta)
    {
        ValueCalls++;
        return inner.NegativeLogLikelihood(theta);
    }

    public double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (GradientCalls < _allocatedAtGradient.Length)
        {
            _allocatedAtGradient[GradientCalls] = GC.GetAllocatedBytesForCurrentThread();
        }

        GradientCalls++;
        return inner.NegativeLogLikelihood(theta, gradient);
    }

    public void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information)
    {
        InformationCalls++;
        inner.ObservedInformation(theta, information);
    }

    public double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient, double kinkSmoothing)
    {
        if (gradient.IsEmpty)
        {
            ValueCalls++;
        }
        else
        {
            GradientCalls++;
        }

        return inner.NegativeLogLikelihood(theta, gradient, kinkSmoothing);
    }

    public void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information, double kinkSmoothing)
    {
        InformationCalls++;
        inner.ObservedInformation(theta, information, kinkSmoothing);
    }

    public void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information)
    {
        InformationCalls++;
        inner.ExpectedInformation(theta, information);
    }

    public void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat) => inner.ScoreOuterProduct(theta, meat);

    public double NegativeLogPrior(ReadOnlySpan<double> theta, Span<double> gradient) => inner.NegativeLogPrior(theta, gradient);

    public void NegativeLogPriorHessian(ReadOnlySpan<double> theta, Span<double> hessian) => inner.NegativeLogPriorHessian(theta, hessian);

    public L1Penalty GetL1Penalty(int index) => inner.GetL1Penalty(index);
}
