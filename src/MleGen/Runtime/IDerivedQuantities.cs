using System;

namespace MleGen;

/// <summary>
/// The <c>[Derived]</c> quantities of a model (generated): functions g(θ) of the parameters with their exact gradients,
/// from which a fit reports delta-method standard errors (<see cref="FitResult.Derived"/>).
/// </summary>
public interface IDerivedQuantities
{
    /// <summary>The number of derived quantities.</summary>
    int DerivedCount { get; }

    /// <summary>The name of derived quantity <paramref name="index"/> (its property's name).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, <see cref="DerivedCount"/>).</exception>
    string GetDerivedName(int index);

    /// <summary>g(θ) of quantity <paramref name="index"/>, writing ∂g/∂θ into <paramref name="gradient"/> (overwritten).</summary>
    /// <exception cref="ArgumentException">θ or the gradient does not have <see cref="IMleModel.ParameterCount"/> elements.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, <see cref="DerivedCount"/>).</exception>
    double EvaluateDerived(int index, ReadOnlySpan<double> theta, Span<double> gradient);
}
