using System;

namespace MleGen;

/// <summary>Small dense vector helpers on spans.</summary>
internal static class Vectors
{
    /// <summary>xᵀy.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * y[i];
        }

        return s;
    }

    /// <summary>max |xᵢ|.</summary>
    public static double InfNorm(ReadOnlySpan<double> x)
    {
        double m = 0;
        foreach (double v in x)
        {
            m = Math.Max(m, Math.Abs(v));
        }

        return m;
    }

    /// <summary>result = x + a·d.</summary>
    public static void AddScaled(ReadOnlySpan<double> x, double a, ReadOnlySpan<double> d, Span<double> result)
    {
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] + (a * d[i]);
        }
    }

    /// <summary>True when the gradient test ‖g‖∞ ≤ tol·max(1, |f|) passes.</summary>
    public static bool GradientSmall(double gradientNorm, double value, double tolerance) =>
        gradientNorm <= tolerance * Math.Max(1, Math.Abs(value));

    /// <summary>True when |f₀ − f₁| ≤ tol·max(1, |f₀|, |f₁|).</summary>
    public static bool ChangeSmall(double f0, double f1, double tolerance) =>
        Math.Abs(f0 - f1) <= tolerance * Math.Max(1, Math.Max(Math.Abs(f0), Math.Abs(f1)));

    /// <summary>True when ‖x₁ − x₀‖∞ is negligible relative to ‖x₀‖∞.</summary>
    public static bool StepSmall(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1)
    {
        double step = 0;
        for (int i = 0; i < x0.Length; i++)
        {
            step = Math.Max(step, Math.Abs(x1[i] - x0[i]));
        }

        return step <= OptimizerSettings.StepTolerance * Math.Max(1, InfNorm(x0));
    }
}
