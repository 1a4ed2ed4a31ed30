using System;
using System.ComponentModel;

namespace MleGen;

/// <summary>
/// For generated code: a <c>NormalMixture</c> term's per-observation Fisher information F(w, μ, σ) (quadrature, about a
/// millisecond per component count's worth of work) computed once per parameter value and reused by every chunk of an
/// evaluation and by later evaluations at the same value. F is a deterministic function of (w, μ, σ), so a reused F has
/// the bits of a recomputed one. One per term of a model instance; a model instance is used by one call at a time
/// (its exclusive-use check), whose chunks all ask for the same value — the lock only serializes their first request.
/// Allocates only when the component count changes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NormalMixtureInformationCache
{
    private readonly object _gate = new();
    private double[] _key = [];
    private double[] _information = [];
    private bool _valid;

    /// <summary>F(w, μ, σ), 3K × 3K row-major in the coordinates of <see cref="Functions.NormalMixtureInformation"/>; do not modify.</summary>
    public double[] Get(ReadOnlySpan<double> weights, ReadOnlySpan<double> means, ReadOnlySpan<double> sds)
    {
        lock (_gate)
        {
            int k = weights.Length;
            if (!_valid || _key.Length != 3 * k || !weights.SequenceEqual(_key.AsSpan(0, k)) || !means.SequenceEqual(_key.AsSpan(k, k)) || !sds.SequenceEqual(_key.AsSpan(2 * k, k)))
            {
                _valid = false;
                if (_key.Length != 3 * k)
                {
                    _key = new double[3 * k];
                    _information = new double[9 * k * k];
                }

                Functions.NormalMixtureInformation(weights, means, sds, _information);
                weights.CopyTo(_key);
                means.CopyTo(_key.AsSpan(k));
                sds.CopyTo(_key.AsSpan(2 * k));
                _valid = true;
            }

            return _information;
        }
    }
}
