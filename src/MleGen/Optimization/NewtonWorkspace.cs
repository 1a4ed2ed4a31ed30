namespace MleGen;

/// <summary>The work arrays of a Newton (or Fisher scoring) run, allocated once.</summary>
internal sealed class NewtonWorkspace
{
    /// <summary>Allocates the arrays for <paramref name="dimension"/> coordinates.</summary>
    public NewtonWorkspace(int dimension)
    {
        Dimension = dimension;
        Gradient = new double[dimension];
        Direction = new double[dimension];
        XNew = new double[dimension];
        GradientNew = new double[dimension];
        Hessian = new double[dimension * dimension];
        Factor = new double[dimension * dimension];
        Scale = new double[dimension];
        ScaledGradient = new double[dimension];
        ScaledStep = new double[dimension];
        DiagonalSeen = new double[dimension];
        Probe = new double[dimension];
        ProbeGradient = new double[dimension];
        ProbeGradientOther = new double[dimension];
        Acceleration = new double[dimension];
        ProbeCurvature = new double[dimension * dimension];
        CurvatureProduct = new double[dimension];
    }

    /// <summary>n.</summary>
    public int Dimension { get; }

    internal double[] Gradient { get; }

    internal double[] Direction { get; }

    internal double[] XNew { get; }

    internal double[] GradientNew { get; }

    internal double[] Hessian { get; }

    internal double[] Factor { get; }

    internal double[] Scale { get; }

    internal double[] ScaledGradient { get; }

    internal double[] ScaledStep { get; }

    internal double[] DiagonalSeen { get; }

    /// <summary>A probe point of the geodesic acceleration.</summary>
    internal double[] Probe { get; }

    /// <summary>The gradient at the forward probe point.</summary>
    internal double[] ProbeGradient { get; }

    /// <summary>The gradient at the backward probe point (central differences).</summary>
    internal double[] ProbeGradientOther { get; }

    /// <summary>The acceleration a (scaled coordinates).</summary>
    internal double[] Acceleration { get; }

    /// <summary>The expected curvature at a probe point.</summary>
    internal double[] ProbeCurvature { get; }

    /// <summary>The expected curvature at the forward probe times the step.</summary>
    internal double[] CurvatureProduct { get; }
}
