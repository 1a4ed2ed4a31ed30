using System;

namespace MleGen;

/// <summary>
/// F(x) = f(x) + Σ wᵢ|xᵢ − cᵢ| restricted to one orthant and one active set, where it is smooth: every
/// penalized coordinate is either held at its kink (xᵢ = cᵢ: gradient 0, a unit Hessian row, so Newton
/// never moves it) or confined to the side sᵢ = ±1 (F = f + Σ wᵢsᵢ(xᵢ − cᵢ) there, +∞ beyond the kink);
/// unpenalized coordinates are free: the smooth problem <see cref="ActiveSetNewton"/> solves.
/// Its arrays are allocated once; calls allocate nothing.
/// </summary>
internal sealed class ActiveSetObjective : IObjective
{
    private readonly IObjective _smooth;
    private readonly double[] _weights;
    private readonly double[] _centers;
    private readonly double[] _signs;

    /// <summary>Wraps <paramref name="smooth"/> with the penalty Σ wᵢ|xᵢ − cᵢ| (the arrays are copied).</summary>
    public ActiveSetObjective(IObjective smooth, ReadOnlySpan<double> weights, ReadOnlySpan<double> centers)
    {
        _smooth = smooth;
        _weights = weights.ToArray();
        _centers = centers.ToArray();
        _signs = new double[weights.Length];
        Gradient = new double[weights.Length];
        Saved = new double[weights.Length];
    }

    /// <inheritdoc/>
    public int Dimension => _smooth.Dimension;

    /// <inheritdoc/>
    public bool HasHessian => _smooth.HasHessian;

    /// <summary>Scratch for f's gradient (the caller's, between Newton runs).</summary>
    internal double[] Gradient { get; }

    /// <summary>Scratch for a saved point (the caller's).</summary>
    internal double[] Saved { get; }

    /// <summary>The penalty weights.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The kinks.</summary>
    public ReadOnlySpan<double> Centers => _centers;

    /// <summary>The side of each penalized coordinate: ±1, or 0 when it is held at its kink.</summary>
    public ReadOnlySpan<double> Signs => _signs;

    /// <summary>Takes the active set and orthant of <paramref name="x"/>: a penalized coordinate at its kink is held there.</summary>
    public void SetFrom(ReadOnlySpan<double> x)
    {
        for (int i = 0; i < _weights.Length; i++)
        {
            _signs[i] = _weights[i] > 0 ? Math.Sign(x[i] - _centers[i]) : 0;
        }
    }

    /// <summary>Frees the held coordinate <paramref name="index"/> towards side <paramref name="sign"/> (it starts at its kink, the orthant's edge).</summary>
    public void Release(int index, double sign) => _signs[index] = sign;

    /// <summary>Holds coordinate <paramref name="index"/> at its kink.</summary>
    public void Hold(int index) => _signs[index] = 0;

    /// <summary>True when coordinate <paramref name="index"/> is penalized and held at its kink.</summary>
    public bool IsHeld(int index) => _weights[index] > 0 && _signs[index] == 0;

    /// <summary>f(x) + Σ wᵢ|xᵢ − cᵢ| (anywhere), writing f's gradient (without the penalty) into <paramref name="gradient"/>.</summary>
    public double PenalizedValueAndSmoothGradient(ReadOnlySpan<double> x, Span<double> gradient) =>
        _smooth.ValueAndGradient(x, gradient) + OwlQn.Penalty(x, _weights, _centers);

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> x)
    {
        if (!InOrthant(x))
        {
            return double.PositiveInfinity;
        }

        return _smooth.Value(x) + Linear(x);
    }

    /// <inheritdoc/>
    public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double f = _smooth.ValueAndGradient(x, gradient);
        for (int i = 0; i < _weights.Length; i++)
        {
            if (_weights[i] > 0)
            {
                gradient[i] = _signs[i] == 0 ? 0 : gradient[i] + (_weights[i] * _signs[i]);
            }
        }

        return InOrthant(x) ? f + Linear(x) : double.PositiveInfinity;
    }

    /// <inheritdoc/>
    public void Hessian(ReadOnlySpan<double> x, Span<double> hessian)
    {
        _smooth.Hessian(x, hessian);
        MaskHeld(hessian);
    }

    /// <inheritdoc/>
    public bool HasFallbackHessian => _smooth.HasFallbackHessian;

    /// <inheritdoc/>
    public void FallbackHessian(ReadOnlySpan<double> x, Span<double> hessian)
    {
        _smooth.FallbackHessian(x, hessian);
        MaskHeld(hessian);
    }

    /// <summary>Σ wᵢsᵢ(xᵢ − cᵢ): the penalty inside the orthant.</summary>
    private double Linear(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < _weights.Length; i++)
        {
            s += _weights[i] * _signs[i] * (x[i] - _centers[i]);
        }

        return s;
    }

    /// <summary>Every free penalized coordinate on its side (or at its kink); every held one at its kink.</summary>
    private bool InOrthant(ReadOnlySpan<double> x)
    {
        for (int i = 0; i < _weights.Length; i++)
        {
            if (_weights[i] > 0 && (_signs[i] == 0 ? x[i] != _centers[i] : (x[i] - _centers[i]) * _signs[i] < 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A held coordinate's row and column are those of the identity: decoupled, with a zero gradient it never moves.</summary>
    private void MaskHeld(Span<double> hessian)
    {
        int n = _weights.Length;
        for (int i = 0; i < n; i++)
        {
            if (!IsHeld(i))
            {
                continue;
            }

            for (int j = 0; j < n; j++)
            {
                hessian[(i * n) + j] = 0;
                hessian[(j * n) + i] = 0;
            }

            hessian[(i * n) + i] = 1;
        }
    }
}
