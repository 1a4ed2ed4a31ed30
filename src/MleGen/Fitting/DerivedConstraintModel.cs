using System;

namespace MleGen;

/// <summary>
/// A model whose smooth prior carries the augmented-Lagrangian term λ·c + (μ/2)·c², c = g(θ) − t, of one <c>[Derived]</c>
/// quantity g (everything else is the wrapped model's): minimizing its objective for a sequence of multipliers λ drives
/// g(θ) to t, so the likelihood maximized subject to g = t — a derived quantity's profile — is a run of the ordinary
/// fitter. The curvature of the term is μ∇g∇gᵀ + (λ + μc)∇²g, with ∇²g by central differences of the exact generated
/// gradient (it only steers Newton's steps; the minimizer is set by the exact gradient).
/// </summary>
internal sealed class DerivedConstraintModel : IMleModel
{
    /// <summary>The relative step of the differences of ∇g (the central-difference optimum for a gradient exact to rounding is ε^(1/3) ≈ 6e-6).</summary>
    private const double DifferenceStep = 6e-6;

    private readonly IMleModel _model;
    private readonly IDerivedQuantities _quantities;
    private readonly int _index;
    private readonly double[] _gradient;
    private readonly double[] _plus;
    private readonly double[] _minus;
    private readonly double[] _shifted;

    public DerivedConstraintModel(IMleModel model, IDerivedQuantities quantities, int index)
    {
        _model = model;
        _quantities = quantities;
        _index = index;
        int p = model.ParameterCount;
        _gradient = new double[p];
        _plus = new double[p];
        _minus = new double[p];
        _shifted = new double[p];
    }

    /// <summary>t, the value g is held at.</summary>
    public double Target { get; set; }

    /// <summary>λ, the multiplier estimate.</summary>
    public double Multiplier { get; set; }

    /// <summary>μ &gt; 0, the quadratic penalty's weight.</summary>
    public double Penalty { get; set; }

    /// <summary>g(θ) − t.</summary>
    public double Violation(ReadOnlySpan<double> theta) => _quantities.EvaluateDerived(_index, theta, _gradient) - Target;

    public int ParameterCount => _model.ParameterCount;

    public int ObservationCount => _model.ObservationCount;

    public int EvaluationThreads { get => _model.EvaluationThreads; set => _model.EvaluationThreads = value; }

    public bool HasExpectedInformation => _model.HasExpectedInformation;

    public bool HasCheapExpectedInformation => _model.HasCheapExpectedInformation;

    public bool HasKinks => _model.HasKinks;

    public bool HasPrior => true;

    public int LikelihoodTermCount => _model.LikelihoodTermCount;

    public string GetParameterName(int index) => _model.GetParameterName(index);

    public ParameterInfo GetParameterInfo(int index) => _model.GetParameterInfo(index);

    public LikelihoodTermInfo GetLikelihoodTerm(int term) => _model.GetLikelihoodTerm(term);

    public void EvaluateFitted(int term, ReadOnlySpan<double> theta, FittedColumns columns) => _model.EvaluateFitted(term, theta, columns);

    public ModelDescription? Describe() => _model.Describe();

    public void ReadParameters(Span<double> theta) => _model.ReadParameters(theta);

    public void WriteParameters(ReadOnlySpan<double> theta) => _model.WriteParameters(theta);

    public void ValidateData() => _model.ValidateData();

    public double NegativeLogLikelihood(ReadOnlySpan<double> theta) => _model.NegativeLogLikelihood(theta);

    public double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient) => _model.NegativeLogLikelihood(theta, gradient);

    public double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient, double kinkSmoothing) => _model.NegativeLogLikelihood(theta, gradient, kinkSmoothing);

    public void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information) => _model.ObservedInformation(theta, information);

    public void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information, double kinkSmoothing) => _model.ObservedInformation(theta, information, kinkSmoothing);

    public void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => _model.ExpectedInformation(theta, information);

    public void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat) => _model.ScoreOuterProduct(theta, meat);

    public L1Penalty GetL1Penalty(int index) => _model.GetL1Penalty(index);

    public double NegativeLogPrior(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double f = _model.HasPrior ? _model.NegativeLogPrior(theta, gradient) : 0;
        double c = Violation(theta);
        f += (Multiplier * c) + (0.5 * Penalty * c * c);
        if (!gradient.IsEmpty)
        {
            double weight = Multiplier + (Penalty * c);
            for (int i = 0; i < gradient.Length; i++)
            {
                gradient[i] += weight * _gradient[i];
            }
        }

        return f;
    }

    public void NegativeLogPriorHessian(ReadOnlySpan<double> theta, Span<double> hessian)
    {
        if (_model.HasPrior)
        {
            _model.NegativeLogPriorHessian(theta, hessian);
        }

        int p = theta.Length;
        double c = Violation(theta);
        double weight = Multiplier + (Penalty * c);
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                hessian[(i * p) + j] += Penalty * _gradient[i] * _gradient[j];
            }
        }

        if (weight == 0)
        {
            return;
        }

        // (λ + μc)∇²g: column j from the gradients at θ ± hⱼeⱼ, symmetrized (skipped where g is not finite there).
        theta.CopyTo(_shifted);
        for (int j = 0; j < p; j++)
        {
            double h = DifferenceStep * Math.Max(Math.Abs(theta[j]), 1e-2);
            _shifted[j] = theta[j] + h;
            double up = _quantities.EvaluateDerived(_index, _shifted, _plus);
            _shifted[j] = theta[j] - h;
            double down = _quantities.EvaluateDerived(_index, _shifted, _minus);
            _shifted[j] = theta[j];
            if (!double.IsFinite(up) || !double.IsFinite(down))
            {
                continue;
            }

            for (int i = 0; i < p; i++)
            {
                double second = weight * (_plus[i] - _minus[i]) / (2 * h);
                if (double.IsFinite(second))
                {
                    hessian[(i * p) + j] += 0.5 * second;
                    hessian[(j * p) + i] += 0.5 * second;
                }
            }
        }
    }
}
