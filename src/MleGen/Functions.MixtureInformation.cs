using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Globalization;

namespace MleGen;

public static partial class Functions
{
    /// <summary>
    /// The Fisher information of one observation from the normal mixture p(y) = Σₖ wₖ·N(y; μₖ, σₖ²), computed by adaptive
    /// Gauss–Kronrod quadrature of E[s sᵀ] (no closed form exists), accurate to ~1e-12 relative to its diagonal scale.
    /// For generated code: the family's expected information is Σᵢ Jᵢᵀ F(φᵢ) Jᵢ with this F, one call per distinct
    /// parameter value. Allocates nothing (K ≤ 8 on the stack, larger K from the shared array pool).
    /// </summary>
    /// <remarks>
    /// Coordinates, in this order: (w₁ … w_K, μ₁ … μ_K, σ₁ … σ_K), with the weights as free coordinates — the density
    /// Σ wₖNₖ(y) extended off the simplex, the weight scores s_wₖ = Nₖ(y)/p(y). These are the coordinates of the generated
    /// observed information (θ's simplex members as separate parameters); in them E[s sᵀ] = E[−∇² log p], and the
    /// information of the K − 1 free weights (w_K = 1 − Σ the others: a linear map M) is MᵀFM, which the fitter's
    /// covariance estimator applies to the whole θ matrix. A zero weight gives zero rows for its mean and sd.
    /// </remarks>
    /// <param name="weights">wₖ ≥ 0, finite, summing to 1 (within 1e-8).</param>
    /// <param name="means">μₖ, finite; same length.</param>
    /// <param name="sds">σₖ &gt; 0, finite; same length.</param>
    /// <param name="information">The 3K × 3K result, row-major.</param>
    /// <exception cref="ArgumentException">The lengths do not agree, K = 0, or <paramref name="information"/> is not 3K × 3K.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight, mean or sd is out of range (named with its index).</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void NormalMixtureInformation(ReadOnlySpan<double> weights, ReadOnlySpan<double> means, ReadOnlySpan<double> sds, Span<double> information)
    {
        int k = weights.Length;
        if (k == 0 || means.Length != k || sds.Length != k)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"weights, means and sds must have the same positive length, were {weights.Length}, {means.Length} and {sds.Length}."), nameof(weights));
        }

        if (information.Length != 9 * k * k)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"information must have (3K)² = {9 * k * k} elements, had {information.Length}."), nameof(information));
        }

        double sum = 0;
        for (int c = 0; c < k; c++)
        {
            CheckElement(weights[c] >= 0 && double.IsFinite(weights[c]), nameof(weights), c, weights[c], "must be non-negative and finite");
            CheckElement(double.IsFinite(means[c]), nameof(means), c, means[c], "must be finite");
            CheckElement(sds[c] > 0 && double.IsFinite(sds[c]), nameof(sds), c, sds[c], "must be positive and finite");
            sum += weights[c];
        }

        // As NormalMixture: a softmax's weights sum to 1 only up to rounding; 1e-8 still catches unnormalized ones.
        if (!(Math.Abs(sum - 1) <= 1e-8))
        {
            throw new ArgumentOutOfRangeException(nameof(weights), string.Create(CultureInfo.InvariantCulture, $"weights must sum to 1, summed to {sum:R}."));
        }

        NormalMixtureFisher.Fill(weights, means, sds, information);
    }

    private static void CheckElement(bool valid, string name, int index, double value, string requirement)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, string.Create(CultureInfo.InvariantCulture, $"{name}[{index}] {requirement}, was {value:R}."));
        }
    }
}
