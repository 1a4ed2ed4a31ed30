using System;

namespace MleGen;

/// <summary>
/// A second-order forward-mode number in two variables (the Beta family's shapes a, b): a value u, its gradient
/// (u_a, u_b) and its Hessian (u_aa, u_ab, u_bb). Products and quotients follow Leibniz's rule; a unary g maps u to
/// (g, g′u_a, g′u_b, g″u_a² + g′u_aa, g″u_a u_b + g′u_ab, g″u_b² + g′u_bb).
/// </summary>
internal readonly record struct ShapeJet(double Value, double A, double B, double AA, double AB, double BB)
{
    public static ShapeJet NaN => new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>A value that depends on neither shape.</summary>
    public static ShapeJet Constant(double value) => new(value, 0, 0, 0, 0, 0);

    /// <summary>The first shape a itself.</summary>
    public static ShapeJet VariableA(double value) => new(value, 1, 0, 0, 0, 0);

    /// <summary>The second shape b itself.</summary>
    public static ShapeJet VariableB(double value) => new(value, 0, 1, 0, 0, 0);

    public static ShapeJet operator +(ShapeJet u, ShapeJet v) => new(u.Value + v.Value, u.A + v.A, u.B + v.B, u.AA + v.AA, u.AB + v.AB, u.BB + v.BB);

    public static ShapeJet operator +(ShapeJet u, double c) => u with { Value = u.Value + c };

    public static ShapeJet operator -(ShapeJet u, ShapeJet v) => new(u.Value - v.Value, u.A - v.A, u.B - v.B, u.AA - v.AA, u.AB - v.AB, u.BB - v.BB);

    public static ShapeJet operator -(ShapeJet u, double c) => u with { Value = u.Value - c };

    public static ShapeJet operator -(double c, ShapeJet u) => new(c - u.Value, -u.A, -u.B, -u.AA, -u.AB, -u.BB);

    public static ShapeJet operator -(ShapeJet u) => new(-u.Value, -u.A, -u.B, -u.AA, -u.AB, -u.BB);

    public static ShapeJet operator *(double c, ShapeJet u) => new(c * u.Value, c * u.A, c * u.B, c * u.AA, c * u.AB, c * u.BB);

    public static ShapeJet operator *(ShapeJet u, ShapeJet v) => new(
        u.Value * v.Value,
        (u.A * v.Value) + (u.Value * v.A),
        (u.B * v.Value) + (u.Value * v.B),
        (u.AA * v.Value) + (2 * u.A * v.A) + (u.Value * v.AA),
        (u.AB * v.Value) + (u.A * v.B) + (u.B * v.A) + (u.Value * v.AB),
        (u.BB * v.Value) + (2 * u.B * v.B) + (u.Value * v.BB));

    /// <summary>q = u/v: q′ = (u′ − q v′)/v, q″ = (u″ − q′v′ − q′v′ − q v″)/v (the mixed term with each variable's q′ and v′).</summary>
    public static ShapeJet operator /(ShapeJet u, ShapeJet v)
    {
        double q = u.Value / v.Value;
        double qa = (u.A - (q * v.A)) / v.Value;
        double qb = (u.B - (q * v.B)) / v.Value;
        return new(
            q,
            qa,
            qb,
            (u.AA - (2 * qa * v.A) - (q * v.AA)) / v.Value,
            (u.AB - (qa * v.B) - (qb * v.A) - (q * v.AB)) / v.Value,
            (u.BB - (2 * qb * v.B) - (q * v.BB)) / v.Value);
    }

    /// <summary>g(u) from g's value and first two derivatives at u's value.</summary>
    public static ShapeJet Chain(ShapeJet u, double g, double g1, double g2) => new(
        g,
        g1 * u.A,
        g1 * u.B,
        (g2 * u.A * u.A) + (g1 * u.AA),
        (g2 * u.A * u.B) + (g1 * u.AB),
        (g2 * u.B * u.B) + (g1 * u.BB));

    /// <summary>f(p, q) of two jets from f's value, gradient (fp, fq) and Hessian (fpp, fpq, fqq) at their values.</summary>
    public static ShapeJet Chain(ShapeJet p, ShapeJet q, double f, double fp, double fq, double fpp, double fpq, double fqq) => new(
        f,
        (fp * p.A) + (fq * q.A),
        (fp * p.B) + (fq * q.B),
        (fpp * p.A * p.A) + (2 * fpq * p.A * q.A) + (fqq * q.A * q.A) + (fp * p.AA) + (fq * q.AA),
        (fpp * p.A * p.B) + (fpq * ((p.A * q.B) + (q.A * p.B))) + (fqq * q.A * q.B) + (fp * p.AB) + (fq * q.AB),
        (fpp * p.B * p.B) + (2 * fpq * p.B * q.B) + (fqq * q.B * q.B) + (fp * p.BB) + (fq * q.BB));

    public ShapeJet Reciprocal() => Constant(1) / this;

    public static ShapeJet Log(ShapeJet u) => Chain(u, Math.Log(u.Value), 1 / u.Value, -1 / (u.Value * u.Value));

    /// <summary>log(1 + u) (<see cref="Functions.Log1p"/>), exact for small u.</summary>
    public static ShapeJet Log1p(ShapeJet u)
    {
        double inverse = 1 / (1 + u.Value);
        return Chain(u, Functions.Log1p(u.Value), inverse, -inverse * inverse);
    }

    public static ShapeJet Exp(ShapeJet u)
    {
        double e = Math.Exp(u.Value);
        return Chain(u, e, e, e);
    }
}
