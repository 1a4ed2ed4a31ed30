using System;

namespace MleGen;

/// <summary>A smooth function of unconstrained coordinates for the optimizers. Implementations must not allocate per call.</summary>
internal interface IObjective
{
    /// <summary>The number of coordinates.</summary>
    int Dimension { get; }

    /// <summary>The value at <paramref name="x"/>; +∞ (or NaN) outside the domain.</summary>
    double Value(ReadOnlySpan<double> x);

    /// <summary>The value at <paramref name="x"/>, writing the gradient into <paramref name="gradient"/>.</summary>
    double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>True when <see cref="Hessian"/> is available.</summary>
    bool HasHessian { get; }

    /// <summary>Writes the Hessian (or a curvature matrix such as the expected information) at <paramref name="x"/>, n×n row-major.</summary>
    void Hessian(ReadOnlySpan<double> x, Span<double> hessian);

    /// <summary>True when <see cref="ValueGradientAndExpectedCurvature"/> is available (a likelihood with an expected information).</summary>
    bool HasExpectedCurvature => false;

    /// <summary>
    /// The value and gradient at <paramref name="x"/> and the expected curvature there (the expected information pulled back
    /// to <paramref name="x"/>'s coordinates, plus the prior's Hessian), n×n row-major: the Gauss–Newton matrix of a likelihood.
    /// </summary>
    double ValueGradientAndExpectedCurvature(ReadOnlySpan<double> x, Span<double> gradient, Span<double> curvature) => throw new NotSupportedException();

    /// <summary>True when <see cref="FallbackHessian"/> offers a positive semi-definite curvature (e.g. the expected information).</summary>
    bool HasFallbackHessian => false;

    /// <summary>A positive semi-definite curvature matrix Newton's method uses where <see cref="Hessian"/> is indefinite (Fisher scoring's matrix for a likelihood).</summary>
    void FallbackHessian(ReadOnlySpan<double> x, Span<double> hessian) => throw new NotSupportedException();
}
