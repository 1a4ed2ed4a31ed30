using System;
using System.Threading;

namespace MleGen;

/// <summary>
/// The smooth objective NLL(θ(u)) + smooth negative log prior(θ(u)) of a model over the
/// unconstrained coordinates u, with gradients and Hessians pulled back through the
/// <see cref="ParameterTransform"/>. Its buffers are allocated once; calls allocate nothing.
/// </summary>
internal sealed class ModelObjective : IObjective
{
    private readonly IMleModel _model;
    private readonly ParameterTransform _transform;
    private readonly CurvatureKind _curvature;
    private readonly bool _hasPrior;
    private readonly double[] _theta;
    private readonly double[] _gradientTheta;
    private readonly double[] _hessianTheta;
    private readonly double[] _jacobian;
    private readonly double[] _product;
    private readonly CancellationToken _cancellation;
    private readonly double _kinkSmoothing;

    /// <param name="model">The model.</param>
    /// <param name="transform">The map to the unconstrained coordinates.</param>
    /// <param name="curvature">Which information <see cref="Hessian"/> is.</param>
    /// <param name="cancellation">Checked before every evaluation of the model: a cancelled fit stops within one evaluation, in whichever stage it is.</param>
    /// <param name="kinkSmoothing">The ε every evaluation of a model with kinks passes (see <see cref="IMleModel.HasKinks"/>); 0: the model as written.</param>
    public ModelObjective(IMleModel model, ParameterTransform transform, CurvatureKind curvature, CancellationToken cancellation = default, double kinkSmoothing = 0)
    {
        _cancellation = cancellation;
        _kinkSmoothing = kinkSmoothing;
        _model = model;
        _transform = transform;
        _curvature = curvature;
        _hasPrior = model.HasPrior;
        int p = transform.ParameterCount, q = transform.FreeCount;
        _theta = new double[p];
        _gradientTheta = new double[p];
        _hessianTheta = new double[p * p];
        _jacobian = new double[p * q];
        _product = new double[p * q];
    }

    /// <inheritdoc/>
    public int Dimension => _transform.FreeCount;

    /// <inheritdoc/>
    public bool HasHessian => true;

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> x)
    {
        _cancellation.ThrowIfCancellationRequested();
        _transform.ToNatural(x, _theta);
        double f = _kinkSmoothing == 0 ? _model.NegativeLogLikelihood(_theta) : _model.NegativeLogLikelihood(_theta, Span<double>.Empty, _kinkSmoothing);
        if (_hasPrior)
        {
            f += _model.NegativeLogPrior(_theta, Span<double>.Empty);
        }

        return double.IsFinite(f) ? f : double.PositiveInfinity;
    }

    /// <inheritdoc/>
    public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double f = NaturalValueAndGradient(x);
        _transform.PullBackGradient(_theta, _gradientTheta, gradient);
        return double.IsFinite(f) ? f : double.PositiveInfinity;
    }

    /// <inheritdoc/>
    public void Hessian(ReadOnlySpan<double> x, Span<double> hessian) => Curvature(x, hessian, _curvature);

    /// <inheritdoc/>
    /// <remarks>Only where the model has a cheap expected information: otherwise it would be the observed one again, or a quadrature per step.</remarks>
    public bool HasFallbackHessian => _curvature == CurvatureKind.Observed && _model.HasCheapExpectedInformation;

    /// <inheritdoc/>
    public bool HasExpectedCurvature => _model.HasCheapExpectedInformation;

    /// <inheritdoc/>
    public double ValueGradientAndExpectedCurvature(ReadOnlySpan<double> x, Span<double> gradient, Span<double> curvature)
    {
        double f = NaturalValueAndGradient(x);
        _transform.PullBackGradient(_theta, _gradientTheta, gradient);
        CurvatureAtTheta(curvature, CurvatureKind.Expected);
        return double.IsFinite(f) ? f : double.PositiveInfinity;
    }

    /// <summary>The expected information pulled back as Jᵀ I J (plus the prior's Hessian): Fisher scoring's matrix.</summary>
    public void FallbackHessian(ReadOnlySpan<double> x, Span<double> hessian) => Curvature(x, hessian, CurvatureKind.Expected);

    private void Curvature(ReadOnlySpan<double> x, Span<double> hessian, CurvatureKind curvature)
    {
        NaturalValueAndGradient(x);
        CurvatureAtTheta(hessian, curvature);
    }

    /// <summary>The curvature at the θ (and θ-gradient) of the last evaluation, pulled back to u.</summary>
    private void CurvatureAtTheta(Span<double> hessian, CurvatureKind curvature)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (curvature == CurvatureKind.Expected)
        {
            _model.ExpectedInformation(_theta, _hessianTheta);
        }
        else
        {
            if (_kinkSmoothing == 0)
            {
                _model.ObservedInformation(_theta, _hessianTheta);
            }
            else
            {
                _model.ObservedInformation(_theta, _hessianTheta, _kinkSmoothing);
            }
        }

        if (_hasPrior)
        {
            _model.NegativeLogPriorHessian(_theta, _hessianTheta);
        }

        _transform.PullBackHessian(_theta, _gradientTheta, _hessianTheta, _jacobian, _product, hessian, curvature == CurvatureKind.Observed);
    }

    private double NaturalValueAndGradient(ReadOnlySpan<double> x)
    {
        _cancellation.ThrowIfCancellationRequested();
        _transform.ToNatural(x, _theta);
        double f = _kinkSmoothing == 0 ? _model.NegativeLogLikelihood(_theta, _gradientTheta) : _model.NegativeLogLikelihood(_theta, _gradientTheta, _kinkSmoothing);
        if (_hasPrior)
        {
            f += _model.NegativeLogPrior(_theta, _gradientTheta);
        }

        return f;
    }
}
