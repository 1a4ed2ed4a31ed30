using System;

namespace MleGen.Tests.Fitting.TestModels;

/// <summary>
/// A second-order forward-mode number: value, exact gradient and Hessian with respect to p seeds.
/// Lets a test write a mean function once and get exact derivatives (test-only; it allocates).
/// </summary>
internal sealed class Jet
{
    private Jet(double value, double[] gradient, double[] hessian)
    {
        Value = value;
        Gradient = gradient;
        Hessian = hessian;
    }

    public double Value { get; }

    public double[] Gradient { get; }

    /// <summary>p×p row-major.</summary>
    public double[] Hessian { get; }

    private int P => Gradient.Length;

    public static Jet Variable(double value, int index, int p)
    {
        var g = new double[p];
        g[index] = 1;
        return new Jet(value, g, new double[p * p]);
    }

    public static Jet Constant(double value, int p) => new(value, new double[p], new double[p * p]);

    public static Jet operator +(Jet a, Jet b) => Combine(a.Value + b.Value, a, 1, b, 1, 0);

    public static Jet operator -(Jet a, Jet b) => Combine(a.Value - b.Value, a, 1, b, -1, 0);

    public static Jet operator *(Jet a, Jet b) => Combine(a.Value * b.Value, a, b.Value, b, a.Value, 1);

    public static Jet operator /(Jet a, Jet b) => a * Reciprocal(b);

    public static Jet operator -(Jet a) => Unary(a, -a.Value, -1, 0);

    public static Jet operator +(Jet a, double c) => Unary(a, a.Value + c, 1, 0);

    public static Jet operator +(double c, Jet a) => a + c;

    public static Jet operator -(Jet a, double c) => a + (-c);

    public static Jet operator -(double c, Jet a) => Unary(a, c - a.Value, -1, 0);

    public static Jet operator *(Jet a, double c) => Unary(a, a.Value * c, c, 0);

    public static Jet operator *(double c, Jet a) => a * c;

    public static Jet operator /(Jet a, double c) => a * (1 / c);

    public static Jet operator /(double c, Jet a) => Reciprocal(a) * c;

    public static Jet Reciprocal(Jet a) => Unary(a, 1 / a.Value, -1 / (a.Value * a.Value), 2 / (a.Value * a.Value * a.Value));

    public static Jet Exp(Jet a)
    {
        double e = Math.Exp(a.Value);
        return Unary(a, e, e, e);
    }

    public static Jet Log(Jet a) => Unary(a, Math.Log(a.Value), 1 / a.Value, -1 / (a.Value * a.Value));

    /// <summary>log Γ(a), with ψ and ψ′ as its derivatives.</summary>
    public static Jet LogGamma(Jet a) => Unary(a, MathNet.Numerics.SpecialFunctions.GammaLn(a.Value), MathNet.Numerics.SpecialFunctions.DiGamma(a.Value), Trigamma(a.Value));

    /// <summary>ψ′(x) for x &gt; 0: recurrence ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series (error &lt; 1e-15).</summary>
    public static double Trigamma(double x)
    {
        double sum = 0;
        while (x < 10)
        {
            sum += 1 / (x * x);
            x++;
        }

        double x2 = 1 / (x * x);
        return sum + (1 / x) + (x2 / 2) + ((1 / x) * x2 * ((1.0 / 6) - (x2 * ((1.0 / 30) - (x2 * ((1.0 / 42) - (x2 / 30)))))));
    }

    /// <summary>a^b for a &gt; 0, both variable: exp(b·log a).</summary>
    public static Jet Pow(Jet a, Jet b) => Exp(b * Log(a));

    /// <summary>φ(a) with φ' = d1, φ'' = d2: ∇φ = d1∇a, ∇²φ = d1∇²a + d2∇a∇aᵀ.</summary>
    private static Jet Unary(Jet a, double value, double d1, double d2)
    {
        int p = a.P;
        var g = new double[p];
        var h = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            g[i] = d1 * a.Gradient[i];
            for (int j = 0; j < p; j++)
            {
                h[(i * p) + j] = (d1 * a.Hessian[(i * p) + j]) + (d2 * a.Gradient[i] * a.Gradient[j]);
            }
        }

        return new Jet(value, g, h);
    }

    /// <summary>wa·a + wb·b (+ cross·(∇a∇bᵀ + ∇b∇aᵀ) for products).</summary>
    private static Jet Combine(double value, Jet a, double wa, Jet b, double wb, double cross)
    {
        int p = a.P;
        var g = new double[p];
        var h = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            g[i] = (wa * a.Gradient[i]) + (wb * b.Gradient[i]);
            for (int j = 0; j < p; j++)
            {
                h[(i * p) + j] = (wa * a.Hessian[(i * p) + j]) + (wb * b.Hessian[(i * p) + j])
                    + (cross * ((a.Gradient[i] * b.Gradient[j]) + (b.Gradient[i] * a.Gradient[j])));
            }
        }

        return new Jet(value, g, h);
    }
}
