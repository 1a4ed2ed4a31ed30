using System;

namespace MleGen.Tests.Optimization;

/// <summary>Rosenbrock's banana: 100(y − x²)² + (1 − x)², minimum 0 at (1, 1).</summary>
internal sealed class Rosenbrock : IObjective
{
    public int Dimension => 2;

    public bool HasHessian => true;

    public double Value(ReadOnlySpan<double> x) => (100 * Math.Pow(x[1] - (x[0] * x[0]), 2)) + Math.Pow(1 - x[0], 2);

    public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        double a = x[1] - (x[0] * x[0]);
        g[0] = (-400 * a * x[0]) - (2 * (1 - x[0]));
        g[1] = 200 * a;
        return Value(x);
    }

    public void Hessian(ReadOnlySpan<double> x, Span<double> h)
    {
        h[0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
        h[1] = h[2] = -400 * x[0];
        h[3] = 200;
    }
}

/// <summary>½(x − c)ᵀA(x − c) with A = Q diag(1 … 1e6) Qᵀ (Q a Householder reflection): condition number 1e6, minimum at c.</summary>
internal sealed class IllConditionedQuadratic : IObjective
{
    private readonly double[] _a;
    private readonly double[] _center;
    private readonly double[] _scratch;

    public IllConditionedQuadratic(int n)
    {
        Dimension = n;
        _center = new double[n];
        _scratch = new double[n];
        var v = new double[n];
        double vv = 0;
        for (int i = 0; i < n; i++)
        {
            _center[i] = i - (n / 2.0);
            v[i] = 1 + i;
            vv += v[i] * v[i];
        }

        _a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++)
                {
                    double qik = (i == k ? 1 : 0) - (2 * v[i] * v[k] / vv);
                    double qjk = (j == k ? 1 : 0) - (2 * v[j] * v[k] / vv);
                    s += qik * Math.Pow(1e6, k / (n - 1.0)) * qjk;
                }

                _a[(i * n) + j] = s;
            }
        }
    }

    public int Dimension { get; }

    public ReadOnlySpan<double> Center => _center;

    public bool HasHessian => true;

    public double Value(ReadOnlySpan<double> x) => ValueAndGradient(x, _scratch);

    public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        int n = Dimension;
        double f = 0;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += _a[(i * n) + j] * (x[j] - _center[j]);
            }

            g[i] = s;
            f += 0.5 * (x[i] - _center[i]) * s;
        }

        return f;
    }

    public void Hessian(ReadOnlySpan<double> x, Span<double> h) => _a.CopyTo(h);
}

/// <summary>The smooth part of the lasso, 1/(2n)‖y − Xβ‖² (no intercept).</summary>
internal sealed class LeastSquares : IObjective
{
    private readonly double[,] _x;
    private readonly double[] _y;

    public LeastSquares(double[,] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    public int Dimension => _x.GetLength(1);

    public double[,] X => _x;

    public double[] Y => _y;

    public bool HasHessian => true;

    public double Value(ReadOnlySpan<double> beta) => ValueAndGradient(beta, stackalloc double[Dimension]);

    public double ValueAndGradient(ReadOnlySpan<double> beta, Span<double> g)
    {
        int n = _y.Length, p = Dimension;
        g.Clear();
        double f = 0;
        for (int i = 0; i < n; i++)
        {
            double r = _y[i];
            for (int j = 0; j < p; j++)
            {
                r -= _x[i, j] * beta[j];
            }

            f += r * r / (2 * n);
            for (int j = 0; j < p; j++)
            {
                g[j] -= r * _x[i, j] / n;
            }
        }

        return f;
    }

    /// <summary>XᵀX/n.</summary>
    public void Hessian(ReadOnlySpan<double> x, Span<double> h)
    {
        int n = _y.Length, p = Dimension;
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                double s = 0;
                for (int i = 0; i < n; i++)
                {
                    s += _x[i, a] * _x[i, b];
                }

                h[(a * p) + b] = s / n;
            }
        }
    }

    /// <summary>The lasso solution by cyclic coordinate descent with soft thresholding (the reference for OWL-QN).</summary>
    public double[] CoordinateDescent(double lambda)
    {
        int n = _y.Length, p = Dimension;
        var beta = new double[p];
        var r = (double[])_y.Clone();
        for (int sweep = 0; sweep < 100000; sweep++)
        {
            double change = 0;
            for (int j = 0; j < p; j++)
            {
                double rho = 0, norm = 0;
                for (int i = 0; i < n; i++)
                {
                    rho += _x[i, j] * (r[i] + (_x[i, j] * beta[j]));
                    norm += _x[i, j] * _x[i, j];
                }

                rho /= n;
                norm /= n;
                double updated = Math.Sign(rho) * Math.Max(Math.Abs(rho) - lambda, 0) / norm;
                double delta = updated - beta[j];
                if (delta != 0)
                {
                    for (int i = 0; i < n; i++)
                    {
                        r[i] -= _x[i, j] * delta;
                    }
                }

                change = Math.Max(change, Math.Abs(delta));
                beta[j] = updated;
            }

            if (change < 1e-15)
            {
                break;
            }
        }

        return beta;
    }

    /// <summary>A deterministic problem with 8 predictors of which 3 matter.</summary>
    public static LeastSquares Synthetic()
    {
        const int n = 60, p = 8;
        var rng = new Random(20260101);
        var x = new double[n, p];
        var y = new double[n];
        double[] truth = [3, 0, 0, -2, 0, 0, 1.5, 0];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++)
            {
                x[i, j] = (2 * rng.NextDouble()) - 1;
                y[i] += truth[j] * x[i, j];
            }

            y[i] += 0.3 * ((2 * rng.NextDouble()) - 1);
        }

        return new LeastSquares(x, y);
    }
}

/// <summary>
/// Rosenbrock's banana as least squares, ½(r₁² + r₂²) with r₁ = 10(y − x²), r₂ = 1 − x, and Gauss–Newton's JᵀJ as
/// its expected curvature. r's second derivatives are constant, so the residual term of the geodesic acceleration's
/// estimate vanishes and the correction is exactly −½(JᵀJ + λD)⁻¹Jᵀr_vv, r_vv = (−20·v_x², 0).
/// </summary>
internal sealed class RosenbrockLeastSquares : IObjective
{
    public int Dimension => 2;

    public bool HasHessian => true;

    public bool HasExpectedCurvature => true;

    public double Value(ReadOnlySpan<double> x) => 0.5 * ((R1(x) * R1(x)) + (R2(x) * R2(x)));

    public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        // ∇ = Jᵀr with J = [[−20x, 10], [−1, 0]].
        g[0] = (-20 * x[0] * R1(x)) - R2(x);
        g[1] = 10 * R1(x);
        return Value(x);
    }

    public void Hessian(ReadOnlySpan<double> x, Span<double> h)
    {
        GaussNewton(x, h);
        h[0] -= 20 * R1(x);
    }

    public double ValueGradientAndExpectedCurvature(ReadOnlySpan<double> x, Span<double> gradient, Span<double> curvature)
    {
        GaussNewton(x, curvature);
        return ValueAndGradient(x, gradient);
    }

    /// <summary>JᵀJ.</summary>
    public static void GaussNewton(ReadOnlySpan<double> x, Span<double> h)
    {
        h[0] = (400 * x[0] * x[0]) + 1;
        h[1] = h[2] = -200 * x[0];
        h[3] = 100;
    }

    private static double R1(ReadOnlySpan<double> x) => 10 * (x[1] - (x[0] * x[0]));

    private static double R2(ReadOnlySpan<double> x) => 1 - x[0];
}
