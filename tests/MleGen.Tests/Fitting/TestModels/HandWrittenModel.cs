using System;

namespace MleGen.Tests.Fitting.TestModels;

/// <summary>Boilerplate of a hand-written <see cref="IMleModel"/>: a flat parameter array, names and bounds, no priors.</summary>
internal abstract class HandWrittenModel : IMleModel
{
    private readonly ParameterInfo[] _infos;

    protected HandWrittenModel(ParameterInfo[] infos, double[] start)
    {
        _infos = infos;
        Theta = (double[])start.Clone();
    }

    /// <summary>The "[Param] members".</summary>
    public double[] Theta { get; }

    public int EvaluationThreads { get; set; }

    public int ParameterCount => _infos.Length;

    public abstract int ObservationCount { get; }

    public virtual bool HasExpectedInformation => true;

    public virtual bool HasPrior => false;

    public string GetParameterName(int index) => _infos[index].Name;

    public ParameterInfo GetParameterInfo(int index) => _infos[index];

    public void ReadParameters(Span<double> theta) => Theta.CopyTo(theta);

    public void WriteParameters(ReadOnlySpan<double> theta) => theta.CopyTo(Theta);

    public void ValidateData()
    {
    }

    public double NegativeLogLikelihood(ReadOnlySpan<double> theta) => NegativeLogLikelihood(theta, Span<double>.Empty);

    /// <summary>Writes the gradient when <paramref name="gradient"/> is not empty.</summary>
    public abstract double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient);

    public abstract void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information);

    public abstract void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information);

    public abstract void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat);

    public virtual double NegativeLogPrior(ReadOnlySpan<double> theta, Span<double> gradient) => 0;

    public virtual void NegativeLogPriorHessian(ReadOnlySpan<double> theta, Span<double> hessian)
    {
    }

    public virtual L1Penalty GetL1Penalty(int index) => default;

    protected static ParameterInfo Free(string name) => new(name, double.NegativeInfinity, double.PositiveInfinity, -1);

    protected static ParameterInfo Positive(string name) => new(name, 0, double.PositiveInfinity, -1);

    /// <summary>Adds w·a·bᵀ into the p×p row-major matrix.</summary>
    protected static void AddOuter(Span<double> matrix, int p, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double w)
    {
        for (int i = 0; i < a.Length; i++)
        {
            for (int j = 0; j < b.Length; j++)
            {
                matrix[(i * p) + j] += w * a[i] * b[j];
            }
        }
    }
}
