using System;
using System.Buffers;

namespace MleGen;

/// <summary>
/// The Fisher information of a K-component normal mixture p(y) = Σₖ wₖ·N(y; μₖ, σₖ²) by adaptive
/// Gauss–Kronrod quadrature: F = ∫ s(y)s(y)ᵀ p(y) dy with s = ∇ log p, split by the mixture itself,
/// F = Σₖ wₖ ∫ φ(t)·s(μₖ + σₖt)s(μₖ + σₖt)ᵀ dt, each piece over t ∈ [−T, T] (a standard normal weight,
/// with the other components' transitions resolved by bisection). There is no closed form: the scores
/// are ratios of mixtures.
/// </summary>
/// <remarks>
/// <para>
/// Coordinates: (w₁ … w_K, μ₁ … μ_K, σ₁ … σ_K), the weights as free coordinates — the density Σ wₖNₖ
/// extended off the simplex, whose weight scores are s_wₖ = Nₖ(y)/p(y). In them E[ssᵀ] = E[−∇² log p]
/// (∫∇²p dy = ∇²Σwₖ = 0), the same coordinates as the generated observed information, and the
/// information of K − 1 free weights (w_K = 1 − Σ the others, a linear map M) is MᵀFM, as the
/// covariance estimator restricts it.
/// </para>
/// <para>
/// Accuracy: an interval is accepted when its 15-point Kronrod and 7-point Gauss sums agree to
/// <see cref="LocalTolerance"/> of √(FₐₐF_bb)·(its share of the range) in every entry (a pessimistic
/// estimate of the Kronrod sum's error), so the matrix is accurate to ~1e-12 relative to its diagonal
/// scale — well beyond the 10 digits standard errors need.
/// </para>
/// </remarks>
internal static class NormalMixtureFisher
{
    /// <summary>
    /// The half-range in standard units: φ(14) ≈ 5e-44, so even the fourth-power growth of the scale
    /// scores leaves the tails below 1e-38 of the integral.
    /// </summary>
    private const double HalfRange = 14;

    /// <summary>Panels of the first pass (scale estimate), and the initial intervals of the adaptive pass.</summary>
    private const int Panels = 28;

    /// <summary>The per-interval agreement required of the Kronrod and Gauss sums, relative to the diagonal scale (see remarks).</summary>
    private const double LocalTolerance = 1e-13;

    /// <summary>Bisections allowed below an initial panel (2⁻³⁰ of a standard unit: far below any structure in the scores).</summary>
    private const int MaxDepth = 30;

    /// <summary>Up to this many parameters (K ≤ 8) the work arrays live on the stack.</summary>
    private const int StackParameters = 24;

    // Gauss–Kronrod 7/15 nodes and weights on [−1, 1] (QUADPACK qk15).
    private static readonly double[] KronrodNodes =
    [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
        0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000,
    ];

    private static readonly double[] KronrodWeights =
    [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
        0.140653259715525918745189590510238, 0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ];

    // The 7-point Gauss weights, at the Kronrod nodes 1, 3, 5 (and the center).
    private static readonly double[] GaussWeights =
    [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780, 0.381830050505118944950369775488975,
        0.417959183673469387755102040816327,
    ];

    /// <summary>Fills <paramref name="information"/> (3K × 3K, row-major) with the Fisher information; see the class remarks.</summary>
    public static void Fill(ReadOnlySpan<double> weights, ReadOnlySpan<double> means, ReadOnlySpan<double> sds, Span<double> information)
    {
        int k = weights.Length, p = 3 * k;
        int length = Work.Length(k);
        double[]? rented = null;
        Span<double> buffer = p <= StackParameters ? stackalloc double[Work.Length(StackParameters / 3)] : (rented = ArrayPool<double>.Shared.Rent(length));
        try
        {
            var work = new Work(buffer.Slice(0, length), k);
            work.Total.Clear();
            for (int c = 0; c < k; c++)
            {
                work.LogWeight[c] = Math.Log(weights[c]);
            }

            // Pass 1: a fixed composite 7-point Gauss rule gives the diagonal scale the adaptive tolerance is relative to.
            for (int c = 0; c < k; c++)
            {
                if (weights[c] == 0)
                {
                    continue;
                }

                for (int panel = 0; panel < Panels; panel++)
                {
                    double a = -HalfRange + (panel * 2 * HalfRange / Panels);
                    Panel(work, weights, means, sds, c, a, a + (2 * HalfRange / Panels), work.Kronrod, work.Gauss);
                    Vectors.AddScaled(work.Total, weights[c], work.Gauss, work.Total);
                }
            }

            Span<double> scale = work.Scale;
            for (int a = 0; a < p; a++)
            {
                scale[a] = Math.Sqrt(Math.Max(work.Total[Index(a, a, p)], 0));
            }

            // Pass 2: adaptive bisection of every panel until the Kronrod and Gauss sums agree.
            work.Total.Clear();
            Span<double> stack = stackalloc double[4 * (MaxDepth + 2)];
            for (int c = 0; c < k; c++)
            {
                if (weights[c] == 0)
                {
                    continue;
                }

                for (int panel = 0; panel < Panels; panel++)
                {
                    double start = -HalfRange + (panel * 2 * HalfRange / Panels);
                    Adapt(work, weights, means, sds, c, start, start + (2 * HalfRange / Panels), stack);
                }
            }

            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b <= a; b++)
                {
                    double v = work.Total[Index(a, b, p)];
                    information[(a * p) + b] = v;
                    information[(b * p) + a] = v;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Depth-first bisection of [a, b] for component c, adding accepted intervals (times w_c) into the total.</summary>
    private static void Adapt(Work work, ReadOnlySpan<double> weights, ReadOnlySpan<double> means, ReadOnlySpan<double> sds, int c, double a, double b, Span<double> stack)
    {
        int p = work.Parameters;
        int top = 0;
        stack[top++] = a;
        stack[top++] = b;
        while (top > 0)
        {
            double hi = stack[--top], lo = stack[--top];
            Panel(work, weights, means, sds, c, lo, hi, work.Kronrod, work.Gauss);
            double share = (hi - lo) / (2 * HalfRange);
            bool accept = (hi - lo) * (1 << MaxDepth) <= 2 * HalfRange / Panels;
            if (!accept)
            {
                accept = true;
                for (int i = 0; i < p && accept; i++)
                {
                    for (int j = 0; j <= i; j++)
                    {
                        int index = Index(i, j, p);
                        double allowed = LocalTolerance * work.Scale[i] * work.Scale[j] * share;
                        if (Math.Abs(work.Kronrod[index] - work.Gauss[index]) * weights[c] > allowed)
                        {
                            accept = false;
                            break;
                        }
                    }
                }
            }

            if (accept)
            {
                Vectors.AddScaled(work.Total, weights[c], work.Kronrod, work.Total);
                continue;
            }

            double mid = 0.5 * (lo + hi);
            stack[top++] = mid;
            stack[top++] = hi;
            stack[top++] = lo;
            stack[top++] = mid;
        }
    }

    /// <summary>The 15-point Kronrod and 7-point Gauss sums of φ(t)·s sᵀ over [a, b] (packed lower triangles), y = μ_c + σ_c t.</summary>
    private static void Panel(Work work, ReadOnlySpan<double> weights, ReadOnlySpan<double> means, ReadOnlySpan<double> sds, int c, double a, double b,
        Span<double> kronrod, Span<double> gauss)
    {
        kronrod.Clear();
        gauss.Clear();
        double center = 0.5 * (a + b), half = 0.5 * (b - a);
        for (int node = 0; node < KronrodNodes.Length; node++)
        {
            // Nodes ±x except the center; the odd-indexed ones (1, 3, 5) and the center are the Gauss nodes.
            int gaussIndex = node == KronrodNodes.Length - 1 ? 3 : (node % 2 == 1 ? node / 2 : -1);
            for (int side = node == KronrodNodes.Length - 1 ? 1 : -1; side <= 1; side += 2)
            {
                double t = center + (side * half * KronrodNodes[node]);
                double density = Functions.NormalPdf(t) * half;
                Scores(work, weights, means, sds, means[c] + (sds[c] * t));
                AddOuter(kronrod, work.Score, density * KronrodWeights[node]);
                if (gaussIndex >= 0)
                {
                    AddOuter(gauss, work.Score, density * GaussWeights[gaussIndex]);
                }
            }
        }
    }

    /// <summary>s = ∇ log p at y: s_wₖ = Nₖ/p, s_μₖ = rₖ(y − μₖ)/σₖ², s_σₖ = rₖ((y − μₖ)²/σₖ² − 1)/σₖ with rₖ = wₖNₖ/p (log-sum-exp).</summary>
    private static void Scores(Work work, ReadOnlySpan<double> weights, ReadOnlySpan<double> means, ReadOnlySpan<double> sds, double y)
    {
        int k = weights.Length;
        Span<double> s = work.Score;
        Span<double> logDensity = work.LogDensity;
        ReadOnlySpan<double> logWeights = work.LogWeight;
        double max = double.NegativeInfinity;
        for (int c = 0; c < k; c++)
        {
            double z = (y - means[c]) / sds[c];
            logDensity[c] = (-0.5 * z * z) - Math.Log(sds[c]) - LogSqrtTwoPi;
            max = Math.Max(max, logWeights[c] + logDensity[c]);
        }

        double sum = 0;
        for (int c = 0; c < k; c++)
        {
            sum += Math.Exp(logWeights[c] + logDensity[c] - max);
        }

        double logP = max + Math.Log(sum);
        for (int c = 0; c < k; c++)
        {
            double z = (y - means[c]) / sds[c];
            double ratio = Math.Exp(logDensity[c] - logP);           // Nₖ/p
            double responsibility = weights[c] * ratio;               // wₖNₖ/p
            s[c] = ratio;
            s[k + c] = responsibility * z / sds[c];
            s[(2 * k) + c] = responsibility * ((z * z) - 1) / sds[c];
        }
    }

    /// <summary>packed += weight·s sᵀ (lower triangle, row by row).</summary>
    private static void AddOuter(Span<double> packed, ReadOnlySpan<double> s, double weight)
    {
        int index = 0;
        for (int i = 0; i < s.Length; i++)
        {
            double si = weight * s[i];
            for (int j = 0; j <= i; j++)
            {
                packed[index++] += si * s[j];
            }
        }
    }

    /// <summary>The packed index of (i, j), j ≤ i.</summary>
    private static int Index(int i, int j, int p) => i >= j ? (i * (i + 1) / 2) + j : (j * (j + 1) / 2) + i;

    /// <summary>log √(2π).</summary>
    private const double LogSqrtTwoPi = 0.91893853320467274178032973640562;

    /// <summary>The work arrays, carved from one buffer.</summary>
    private readonly ref struct Work
    {
        public Work(Span<double> buffer, int components)
        {
            Parameters = 3 * components;
            int packed = Parameters * (Parameters + 1) / 2;
            Total = buffer.Slice(0, packed);
            Kronrod = buffer.Slice(packed, packed);
            Gauss = buffer.Slice(2 * packed, packed);
            Score = buffer.Slice(3 * packed, Parameters);
            Scale = buffer.Slice((3 * packed) + Parameters, Parameters);
            LogDensity = buffer.Slice((3 * packed) + (2 * Parameters), components);
            LogWeight = buffer.Slice((3 * packed) + (2 * Parameters) + components, components);
        }

        /// <summary>The doubles the arrays of a <paramref name="components"/>-component mixture need.</summary>
        public static int Length(int components)
        {
            int p = 3 * components;
            return (3 * p * (p + 1) / 2) + (2 * p) + (2 * components);
        }

        public int Parameters { get; }

        /// <summary>The integral so far (packed lower triangle).</summary>
        public Span<double> Total { get; }

        /// <summary>An interval's 15-point Kronrod sum.</summary>
        public Span<double> Kronrod { get; }

        /// <summary>An interval's 7-point Gauss sum.</summary>
        public Span<double> Gauss { get; }

        /// <summary>The score at one node.</summary>
        public Span<double> Score { get; }

        /// <summary>√Fₐₐ from the first pass.</summary>
        public Span<double> Scale { get; }

        /// <summary>log Nₖ(y) at one node.</summary>
        public Span<double> LogDensity { get; }

        /// <summary>log wₖ.</summary>
        public Span<double> LogWeight { get; }
    }
}
