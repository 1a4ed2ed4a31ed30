using System;
using System.Collections.Generic;

namespace MleGen;

/// <summary>
/// Maps the natural parameters θ (length p, with bounds, simplex groups and fixed values) to the
/// unconstrained coordinates u (length q) an optimizer works on, with the Jacobian dθ/du and the
/// chain rule for gradients and Hessians.
/// </summary>
/// <remarks>
/// Lower only: θ = L + eᵘ; upper only: θ = U − eᵘ; both: θ = L + (U − L)·σ(u); a simplex group of K
/// members: θₖ = e^{uₖ}/(1 + Σⱼ e^{uⱼ}) for k &lt; K and θ_K = 1/(1 + Σⱼ e^{uⱼ}) (the last member is
/// the reference). Fixed parameters keep their value and have no coordinate.
/// </remarks>
internal sealed class ParameterTransform
{
    private readonly TransformKind[] _kinds;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly int[] _free;          // θ index -> u index, −1 when none (fixed or simplex reference)
    private readonly double[] _fixedValues;
    private readonly SimplexGroup[] _groups;

    /// <summary>Builds the transform from the model's parameter metadata.</summary>
    /// <param name="infos">The metadata of every parameter, in θ order.</param>
    /// <param name="fixedValues">θ with the fixed parameters' values (others ignored).</param>
    /// <param name="isFixed">Which parameters are held fixed.</param>
    public ParameterTransform(IReadOnlyList<ParameterInfo> infos, ReadOnlySpan<double> fixedValues, ReadOnlySpan<bool> isFixed)
    {
        int p = infos.Count;
        _kinds = new TransformKind[p];
        _lower = new double[p];
        _upper = new double[p];
        _free = new int[p];
        _fixedValues = fixedValues.ToArray();
        var groups = new List<SimplexGroup>();
        int q = 0;
        for (int i = 0; i < p; i++)
        {
            ParameterInfo info = infos[i];
            _lower[i] = info.Lower;
            _upper[i] = info.Upper;
            if (info.IsSimplex)
            {
                int end = i;
                while (end + 1 < p && infos[end + 1].SimplexGroup == info.SimplexGroup)
                {
                    end++;
                }

                int fixedMember = -1;
                for (int k = i; k <= end; k++)
                {
                    if (!isFixed[k])
                    {
                        continue;
                    }

                    if (fixedMember >= 0)
                    {
                        throw new NotSupportedException($"{infos[k].Name}: at most one member of a simplex can be held fixed ({infos[fixedMember].Name} is too).");
                    }

                    if (!(fixedValues[k] >= 0 && fixedValues[k] <= 1))
                    {
                        throw new ArgumentException($"{infos[k].Name}: a simplex member can be held only at a value in [0, 1], not {fixedValues[k]}.", nameof(fixedValues));
                    }

                    fixedMember = k;
                }

                var group = new SimplexGroup(i, end - i + 1, q, fixedMember);
                for (int k = i; k <= end; k++)
                {
                    _kinds[k] = k == fixedMember ? TransformKind.Fixed : TransformKind.Simplex;
                    _free[k] = -1;
                }

                for (int rank = 0; rank < group.FreeMembers - 1; rank++)
                {
                    _free[group.Member(rank)] = q + rank;
                }

                groups.Add(group);
                q += group.FreeMembers - 1;
                i = end;
                continue;
            }

            if (isFixed[i])
            {
                _kinds[i] = TransformKind.Fixed;
                _free[i] = -1;
                continue;
            }

            bool hasLower = !double.IsNegativeInfinity(info.Lower);
            bool hasUpper = !double.IsPositiveInfinity(info.Upper);
            if (hasLower && hasUpper && !(info.Upper > info.Lower))
            {
                throw new ArgumentException($"{info.Name}: the upper bound {info.Upper} is not above the lower bound {info.Lower}.", nameof(infos));
            }

            _kinds[i] = hasLower ? (hasUpper ? TransformKind.Interval : TransformKind.Lower)
                : hasUpper ? TransformKind.Upper : TransformKind.Identity;
            _free[i] = q++;
        }

        _groups = groups.ToArray();
        ParameterCount = p;
        FreeCount = q;
    }

    /// <summary>p, the length of θ.</summary>
    public int ParameterCount { get; }

    /// <summary>q, the number of unconstrained coordinates.</summary>
    public int FreeCount { get; }

    /// <summary>The transform of θ index <paramref name="index"/>.</summary>
    public TransformKind KindOf(int index) => _kinds[index];

    /// <summary>The unconstrained coordinate of θ index <paramref name="index"/>, or −1 (fixed, simplex reference).</summary>
    public int FreeIndexOf(int index) => _free[index];

    /// <summary>The simplex groups.</summary>
    public ReadOnlySpan<SimplexGroup> Groups => _groups;

    /// <summary>Holds the fixed parameters at their values in <paramref name="theta"/> from now on (the others are ignored).</summary>
    public void HoldAt(ReadOnlySpan<double> theta) => theta.CopyTo(_fixedValues);

    /// <summary>θ = θ(u), fixed parameters at their values.</summary>
    public void ToNatural(ReadOnlySpan<double> u, Span<double> theta)
    {
        for (int i = 0; i < _kinds.Length; i++)
        {
            int j = _free[i];
            switch (_kinds[i])
            {
                case TransformKind.Identity: theta[i] = u[j]; break;
                case TransformKind.Lower: theta[i] = _lower[i] + Math.Exp(u[j]); break;
                case TransformKind.Upper: theta[i] = _upper[i] - Math.Exp(u[j]); break;
                case TransformKind.Interval: theta[i] = _lower[i] + (_upper[i] - _lower[i]) * Logistic(u[j]); break;
                case TransformKind.Fixed: theta[i] = _fixedValues[i]; break;
                default: break; // simplex members below
            }
        }

        foreach (SimplexGroup g in _groups)
        {
            // Softmax with an implicit zero logit for the reference, shifted by the max for stability, times the group's mass.
            int free = g.FreeMembers;
            ReadOnlySpan<double> z = u.Slice(g.FreeStart, free - 1);
            double m = 0;
            foreach (double v in z)
            {
                m = Math.Max(m, v);
            }

            double reference = Math.Exp(-m);
            double sum = reference;
            for (int k = 0; k < z.Length; k++)
            {
                double e = Math.Exp(z[k] - m);
                theta[g.Member(k)] = e;
                sum += e;
            }

            double mass = Mass(g);
            for (int k = 0; k < z.Length; k++)
            {
                theta[g.Member(k)] *= mass / sum;
            }

            theta[g.Member(free - 1)] = mass * reference / sum;
        }
    }

    /// <summary>The total of a group's moving members: 1, or 1 − t with a member held at t.</summary>
    private double Mass(SimplexGroup g) => g.FixedMember < 0 ? 1 : 1 - _fixedValues[g.FixedMember];

    /// <summary>
    /// u = u(θ). A start value on or outside its bound is moved inside (u = 0: θ = L + 1, U − 1 or the
    /// interval's midpoint); a simplex with a non-positive member starts uniform.
    /// </summary>
    public void ToUnconstrained(ReadOnlySpan<double> theta, Span<double> u)
    {
        for (int i = 0; i < _kinds.Length; i++)
        {
            int j = _free[i];
            double t = theta[i];
            switch (_kinds[i])
            {
                case TransformKind.Identity: u[j] = t; break;
                case TransformKind.Lower: u[j] = t > _lower[i] ? Math.Log(t - _lower[i]) : 0; break;
                case TransformKind.Upper: u[j] = t < _upper[i] ? Math.Log(_upper[i] - t) : 0; break;
                case TransformKind.Interval:
                    u[j] = t > _lower[i] && t < _upper[i] ? Math.Log((t - _lower[i]) / (_upper[i] - t)) : 0;
                    break;
                default: break;
            }
        }

        foreach (SimplexGroup g in _groups)
        {
            // Only the moving members' proportions matter (a member held at a new value rescales the others proportionally).
            bool positive = true;
            for (int k = 0; k < g.FreeMembers; k++)
            {
                positive &= theta[g.Member(k)] > 0;
            }

            double reference = theta[g.Member(g.FreeMembers - 1)];
            for (int k = 0; k < g.FreeMembers - 1; k++)
            {
                u[g.FreeStart + k] = positive ? Math.Log(theta[g.Member(k)] / reference) : 0;
            }
        }
    }

    /// <summary>The dense Jacobian dθ/du at θ = θ(u), p×q row-major (zero rows for fixed parameters).</summary>
    public void Jacobian(ReadOnlySpan<double> theta, Span<double> jacobian)
    {
        int q = FreeCount;
        jacobian.Slice(0, ParameterCount * q).Clear();
        for (int i = 0; i < _kinds.Length; i++)
        {
            if (_kinds[i] != TransformKind.Simplex && _free[i] >= 0)
            {
                jacobian[(i * q) + _free[i]] = FirstDerivative(i, theta[i]);
            }
        }

        foreach (SimplexGroup g in _groups)
        {
            // θₖ = M·softmaxₖ(u) over the moving members: ∂θₖ/∂uⱼ = θₖ(δₖⱼ − θⱼ/M) (the reference has no δ term).
            double mass = Mass(g);
            for (int k = 0; k < g.FreeMembers; k++)
            {
                int row = g.Member(k);
                for (int j = 0; j < g.FreeMembers - 1; j++)
                {
                    double delta = k == j ? 1 : 0;
                    double share = mass > 0 ? theta[g.Member(j)] / mass : 0;
                    jacobian[(row * q) + g.FreeStart + j] = theta[row] * (delta - share);
                }
            }
        }
    }

    /// <summary>The chain rule for gradients: g_u = (dθ/du)ᵀ g_θ.</summary>
    public void PullBackGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> gradientTheta, Span<double> gradientU)
    {
        for (int i = 0; i < _kinds.Length; i++)
        {
            if (_kinds[i] != TransformKind.Simplex && _free[i] >= 0)
            {
                gradientU[_free[i]] = FirstDerivative(i, theta[i]) * gradientTheta[i];
            }
        }

        foreach (SimplexGroup g in _groups)
        {
            // g_uⱼ = θⱼ (g_θⱼ − Σₖ θₖ g_θₖ / M) over the moving members.
            double mass = Mass(g);
            double mean = 0;
            for (int k = 0; k < g.FreeMembers; k++)
            {
                mean += theta[g.Member(k)] * gradientTheta[g.Member(k)];
            }

            mean = mass > 0 ? mean / mass : 0;
            for (int j = 0; j < g.FreeMembers - 1; j++)
            {
                int t = g.Member(j);
                gradientU[g.FreeStart + j] = theta[t] * (gradientTheta[t] - mean);
            }
        }
    }

    /// <summary>
    /// The chain rule for Hessians: H_u = Jᵀ H_θ J + Σᵢ g_θᵢ ∂²θᵢ/∂u² for the diagonal (bound)
    /// transforms. For simplex groups the second-order term is omitted (a Gauss–Newton-like
    /// Jᵀ H J, exact at a stationary point of the group), which keeps H_u usable for a Newton step.
    /// </summary>
    /// <param name="theta">θ(u).</param>
    /// <param name="gradientTheta">The gradient in θ.</param>
    /// <param name="hessianTheta">The Hessian in θ, p×p row-major.</param>
    /// <param name="jacobian">Scratch for J, p×q.</param>
    /// <param name="product">Scratch for H_θ J, p×q.</param>
    /// <param name="hessianU">The result, q×q row-major.</param>
    /// <param name="secondOrder">
    /// False to omit Σ g ∂²θ: right for the expected information, which transforms exactly as
    /// Jᵀ I J because the expected score is zero (Fisher scoring stays positive semi-definite).
    /// </param>
    public void PullBackHessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> gradientTheta, ReadOnlySpan<double> hessianTheta,
        Span<double> jacobian, Span<double> product, Span<double> hessianU, bool secondOrder = true)
    {
        int p = ParameterCount;
        int q = FreeCount;
        Jacobian(theta, jacobian);
        for (int r = 0; r < p; r++)
        {
            for (int c = 0; c < q; c++)
            {
                double s = 0;
                for (int k = 0; k < p; k++)
                {
                    s += hessianTheta[(r * p) + k] * jacobian[(k * q) + c];
                }

                product[(r * q) + c] = s;
            }
        }

        for (int a = 0; a < q; a++)
        {
            for (int b = 0; b < q; b++)
            {
                double s = 0;
                for (int k = 0; k < p; k++)
                {
                    s += jacobian[(k * q) + a] * product[(k * q) + b];
                }

                hessianU[(a * q) + b] = s;
            }
        }

        for (int i = 0; secondOrder && i < p; i++)
        {
            if (_kinds[i] != TransformKind.Simplex && _free[i] >= 0)
            {
                int j = _free[i];
                hessianU[(j * q) + j] += gradientTheta[i] * SecondDerivative(i, theta[i]);
            }
        }
    }

    private double FirstDerivative(int i, double theta) => _kinds[i] switch
    {
        TransformKind.Lower => theta - _lower[i],
        TransformKind.Upper => -(_upper[i] - theta),
        TransformKind.Interval => (theta - _lower[i]) * (_upper[i] - theta) / (_upper[i] - _lower[i]),
        _ => 1.0,
    };

    private double SecondDerivative(int i, double theta)
    {
        switch (_kinds[i])
        {
            case TransformKind.Lower: return theta - _lower[i];
            case TransformKind.Upper: return -(_upper[i] - theta);
            case TransformKind.Interval:
                // θ' = (U − L)σ(1 − σ), θ'' = θ'(1 − 2σ) with σ = (θ − L)/(U − L).
                double width = _upper[i] - _lower[i];
                double s = (theta - _lower[i]) / width;
                return width * s * (1 - s) * (1 - (2 * s));
            default: return 0;
        }
    }

    private static double Logistic(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
}
