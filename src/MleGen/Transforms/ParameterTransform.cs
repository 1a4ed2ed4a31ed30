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
/// the reference); an ordered vector: its first member θ₀ = u₀ and θₖ = θₖ₋₁ + e^{uₖ} (with a member held fixed,
/// that member is the anchor the others step away from, see <see cref="OrderedGroup"/>). Fixed parameters keep their
/// value and have no coordinate.
/// </remarks>
internal sealed class ParameterTransform
{
    private readonly TransformKind[] _kinds;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly int[] _free;          // θ index -> u index, −1 when none (fixed or simplex reference)
    private readonly double[] _fixedValues;
    private readonly SimplexGroup[] _groups;
    private readonly OrderedGroup[] _ordered;

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
        var ordered = new List<OrderedGroup>();
        int q = 0;
        for (int i = 0; i < p; i++)
        {
            ParameterInfo info = infos[i];
            _lower[i] = info.Lower;
            _upper[i] = info.Upper;
            if (info.IsOrdered)
            {
                i = AddOrdered(infos, isFixed, i, ordered, ref q);
                continue;
            }

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
        _ordered = ordered.ToArray();
        ParameterCount = p;
        FreeCount = q;
    }

    /// <summary>Lays out the ordered vector starting at θ index <paramref name="start"/>; returns its last index.</summary>
    private int AddOrdered(IReadOnlyList<ParameterInfo> infos, ReadOnlySpan<bool> isFixed, int start, List<OrderedGroup> ordered, ref int q)
    {
        int end = start;
        while (end + 1 < infos.Count && infos[end + 1].OrderedGroup == infos[start].OrderedGroup)
        {
            end++;
        }

        int held = 0, heldMember = -1;
        for (int k = start; k <= end; k++)
        {
            if (isFixed[k])
            {
                held++;
                heldMember = k;
            }
        }

        if (held == end - start + 1)
        {
            // The whole vector held (a warm start's block): constants.
            for (int k = start; k <= end; k++)
            {
                _kinds[k] = TransformKind.Fixed;
                _free[k] = -1;
            }

            return end;
        }

        if (held > 1)
        {
            throw new NotSupportedException($"{infos[heldMember].Name}: at most one member of an ordered vector can be held fixed (or all of them).");
        }

        int anchor = held == 1 ? heldMember : start;
        for (int k = start; k <= end; k++)
        {
            bool fixedAnchor = k == anchor && held == 1;
            _kinds[k] = fixedAnchor ? TransformKind.Fixed : TransformKind.Ordered;
            _free[k] = fixedAnchor ? -1 : q++;
        }

        ordered.Add(new OrderedGroup(start, end - start + 1, anchor, held == 1));
        return end;
    }

    /// <summary>
    /// Every ordered vector of <paramref name="theta"/> is strictly increasing; else an <see cref="ArgumentException"/> naming
    /// the member and index (the start of a fit: the [Param] member's values or <see cref="FitOptions.Start"/>).
    /// </summary>
    public static void RequireOrdered(IReadOnlyList<ParameterInfo> infos, ReadOnlySpan<double> theta)
    {
        for (int i = 1; i < infos.Count; i++)
        {
            if (infos[i].IsOrdered && infos[i].OrderedGroup == infos[i - 1].OrderedGroup && !(theta[i] > theta[i - 1]))
            {
                throw new ArgumentException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{infos[i].Name} = {theta[i]} is not above {infos[i - 1].Name} = {theta[i - 1]}: an ordered parameter ([Param(Ordered = true)]) must start strictly increasing (its member's values or FitOptions.Start)."),
                    "options");
            }
        }
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

        foreach (OrderedGroup g in _ordered)
        {
            int a = g.Anchor;
            if (!g.AnchorFixed)
            {
                theta[a] = u[_free[a]];
            }

            for (int k = a + 1; k < g.End; k++)
            {
                theta[k] = theta[k - 1] + Math.Exp(u[_free[k]]);
            }

            for (int k = a - 1; k >= g.ThetaStart; k--)
            {
                theta[k] = theta[k + 1] - Math.Exp(u[_free[k]]);
            }
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

        foreach (OrderedGroup g in _ordered)
        {
            // A step that is not positive (a held member moved past its neighbour in a profile) restarts at a small step.
            int a = g.Anchor;
            if (!g.AnchorFixed)
            {
                u[_free[a]] = theta[a];
            }

            for (int k = a + 1; k < g.End; k++)
            {
                u[_free[k]] = LogStep(theta[k] - theta[k - 1]);
            }

            for (int k = a - 1; k >= g.ThetaStart; k--)
            {
                u[_free[k]] = LogStep(theta[k + 1] - theta[k]);
            }
        }
    }

    private static double LogStep(double step) => step > 0 ? Math.Log(step) : Math.Log(1e-3);

    /// <summary>True for a parameter whose θ depends on its own coordinate only (bounds, identity).</summary>
    private bool IsDiagonal(int i) => _kinds[i] is not (TransformKind.Simplex or TransformKind.Ordered) && _free[i] >= 0;

    /// <summary>∂θ_k/∂u_j of an ordered group's non-anchor member j (for k on j's side of the anchor and at least as far from it).</summary>
    private static double OrderedStep(OrderedGroup g, ReadOnlySpan<double> theta, int j) =>
        j > g.Anchor ? theta[j] - theta[j - 1] : -(theta[j + 1] - theta[j]);

    /// <summary>The dense Jacobian dθ/du at θ = θ(u), p×q row-major (zero rows for fixed parameters).</summary>
    public void Jacobian(ReadOnlySpan<double> theta, Span<double> jacobian)
    {
        int q = FreeCount;
        jacobian.Slice(0, ParameterCount * q).Clear();
        for (int i = 0; i < _kinds.Length; i++)
        {
            if (IsDiagonal(i))
            {
                jacobian[(i * q) + _free[i]] = FirstDerivative(i, theta[i]);
            }
        }

        foreach (OrderedGroup g in _ordered)
        {
            for (int k = g.ThetaStart; k < g.End; k++)
            {
                if (!g.AnchorFixed)
                {
                    jacobian[(k * q) + _free[g.Anchor]] = 1;
                }

                // θ_k moves with every step between the anchor and itself.
                for (int j = Math.Min(k, g.Anchor + 1); j <= Math.Max(k, g.Anchor - 1); j++)
                {
                    if (j != g.Anchor)
                    {
                        jacobian[(k * q) + _free[j]] = OrderedStep(g, theta, j);
                    }
                }
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
            if (IsDiagonal(i))
            {
                gradientU[_free[i]] = FirstDerivative(i, theta[i]) * gradientTheta[i];
            }
        }

        foreach (OrderedGroup g in _ordered)
        {
            // g_u_a = Σ_k g_k; a step above the anchor moves every member from it up, one below every member from it down.
            int a = g.Anchor;
            double tail = 0;
            for (int j = g.End - 1; j > a; j--)
            {
                tail += gradientTheta[j];
                gradientU[_free[j]] = OrderedStep(g, theta, j) * tail;
            }

            double head = 0;
            for (int j = g.ThetaStart; j < a; j++)
            {
                head += gradientTheta[j];
                gradientU[_free[j]] = OrderedStep(g, theta, j) * head;
            }

            if (!g.AnchorFixed)
            {
                gradientU[_free[a]] = tail + head + gradientTheta[a];
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
            if (IsDiagonal(i))
            {
                int j = _free[i];
                hessianU[(j * q) + j] += gradientTheta[i] * SecondDerivative(i, theta[i]);
            }
        }

        foreach (OrderedGroup g in _ordered)
        {
            // ∂²θ_k/∂u_j² = ∂θ_k/∂u_j for a step j (an exponential), and no cross terms: the step's own pulled-back gradient.
            int a = g.Anchor;
            double tail = 0;
            for (int j = g.End - 1; secondOrder && j > a; j--)
            {
                tail += gradientTheta[j];
                hessianU[(_free[j] * q) + _free[j]] += OrderedStep(g, theta, j) * tail;
            }

            double head = 0;
            for (int j = g.ThetaStart; secondOrder && j < a; j++)
            {
                head += gradientTheta[j];
                hessianU[(_free[j] * q) + _free[j]] += OrderedStep(g, theta, j) * head;
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
