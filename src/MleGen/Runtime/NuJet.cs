using System;

namespace MleGen;

/// <summary>
/// A second-order forward-mode number in one variable: a value u and its first and second derivatives u′, u″ (the
/// Student t log CDF carries its degrees of freedom ν through the incomplete beta this way). Products and quotients
/// follow Leibniz's rule; a unary g maps (u, u′, u″) to (g, g′u′, g″u′² + g′u″).
/// </summary>
internal readonly struct NuJet
{
    public NuJet(double value, double first, double second)
    {
        Value = value;
        First = first;
        Second = second;
    }

    public double Value { get; }

    public double First { get; }

    public double Second { get; }

    public static NuJet NaN => new(double.NaN, double.NaN, double.NaN);

    /// <summary>A value that does not depend on the variable.</summary>
    public static NuJet Constant(double value) => new(value, 0, 0);

    /// <summary>The variable itself: (v, 1, 0).</summary>
    public static NuJet Variable(double value) => new(value, 1, 0);

    public static NuJet operator +(NuJet u, NuJet v) => new(u.Value + v.Value, u.First + v.First, u.Second + v.Second);

    public static NuJet operator +(NuJet u, double c) => new(u.Value + c, u.First, u.Second);

    public static NuJet operator +(double c, NuJet u) => new(c + u.Value, u.First, u.Second);

    public static NuJet operator -(NuJet u, NuJet v) => new(u.Value - v.Value, u.First - v.First, u.Second - v.Second);

    public static NuJet operator -(NuJet u, double c) => new(u.Value - c, u.First, u.Second);

    public static NuJet operator -(double c, NuJet u) => new(c - u.Value, -u.First, -u.Second);

    public static NuJet operator -(NuJet u) => new(-u.Value, -u.First, -u.Second);

    public static NuJet operator *(NuJet u, NuJet v) =>
        new(u.Value * v.Value, (u.First * v.Value) + (u.Value * v.First), (u.Second * v.Value) + (2 * u.First * v.First) + (u.Value * v.Second));

    public static NuJet operator *(double c, NuJet u) => new(c * u.Value, c * u.First, c * u.Second);

    public static NuJet operator *(NuJet u, double c) => new(c * u.Value, c * u.First, c * u.Second);

    /// <summary>q = u/v: q′ = (u′ − q v′)/v, q″ = (u″ − 2q′v′ − q v″)/v.</summary>
    public static NuJet operator /(NuJet u, NuJet v)
    {
        double q = u.Value / v.Value;
        double q1 = (u.First - (q * v.First)) / v.Value;
        return new(q, q1, (u.Second - (2 * q1 * v.First) - (q * v.Second)) / v.Value);
    }

    public NuJet Reciprocal()
    {
        double r = 1 / Value;
        double r1 = -First * r * r;
        return new(r, r1, -((2 * r1 * First) + (r * Second)) * r);
    }

    public static NuJet Log(NuJet u)
    {
        double g1 = u.First / u.Value;
        return new(Math.Log(u.Value), g1, (u.Second / u.Value) - (g1 * g1));
    }

    /// <summary>log(1 + u) (<see cref="Functions.Log1p"/>), exact for small u.</summary>
    public static NuJet Log1p(NuJet u)
    {
        double onePlus = 1 + u.Value;
        double g1 = u.First / onePlus;
        return new(Functions.Log1p(u.Value), g1, (u.Second / onePlus) - (g1 * g1));
    }

    public static NuJet Exp(NuJet u)
    {
        double e = Math.Exp(u.Value);
        return new(e, e * u.First, e * ((u.First * u.First) + u.Second));
    }
}
