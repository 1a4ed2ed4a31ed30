using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>StudentT(nu, location, scale)</c>.</summary>
internal sealed class StudentTFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.StudentT;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("nu", ArgumentKind.Scalar, ArgumentDomains.PositiveOrInfinity, ArgumentRole.Positive),
        new("location", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.Location),
        new("scale", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    /// <summary>
    /// log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) − log s − (ν+1)/2 · log1p(z²/ν). A ν from data alone may be +∞ (its domain
    /// allows it): then the normal's −½ log(2π) − log s − z²/2, chosen by a data-only branch, the t's branch evaluated at
    /// the stand-in ν = 1 there (the second-derivative code multiplies that branch's zero adjoints by its own values).
    /// </summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var a = args.Scalars;
        var half = b.Constant(0.5);
        var z = b.Divide(b.Subtract(b.ToDouble(y), a[1]), a[2]);
        if (a[0].DependsOnParameters || (a[0].IsConstant && a[0].Value < double.PositiveInfinity))
        {
            return LogDensityT(b, a[0], z, a[2], half);
        }

        if (a[0].IsConstant)
        {
            return NormalLogDensity(b, b.ToDouble(y), a[1], a[2]);
        }

        var finite = FiniteNu(b, a[0]);
        var normal = NormalLogDensity(b, b.ToDouble(y), a[1], a[2]);
        return b.Conditional(finite, LogDensityT(b, b.Conditional(finite, a[0], b.Constant(1)), z, a[2], half), normal);
    }

    private static Node LogDensityT(IrBuilder b, Node nu, Node z, Node scale, Node half)
    {
        var nuPlusOneHalf = b.Multiply(half, b.Add(nu, b.Constant(1)));
        return b.Sum(
            b.Unary(UnaryOp.LogGamma, nuPlusOneHalf),
            b.Negate(b.Unary(UnaryOp.LogGamma, b.Multiply(half, nu))),
            b.Negate(b.Multiply(half, b.Add(b.Log(nu), b.Constant(LogPi)))),
            b.Negate(b.Log(scale)),
            b.Negate(b.Multiply(nuPlusOneHalf, b.Unary(UnaryOp.Log1p, b.Divide(b.Square(z), nu)))));
    }

    /// <summary>ν &lt; +∞, for a ν from data alone.</summary>
    private static Node FiniteNu(IrBuilder b, Node nu) => b.Binary(BinaryOp.Less, nu, b.Constant(double.PositiveInfinity));

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>Lange, Little &amp; Taylor (1989), JASA 84, 881–896, for (ν, location, scale).</summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi)
    {
        var one = b.Constant(1);
        var two = b.Constant(2);
        var nu = phi[0];
        var s = phi[2];
        var nu1 = b.Add(nu, one);
        var nu3 = b.Add(nu, b.Constant(3));
        var nuNu = b.Subtract(
            b.Multiply(b.Constant(0.25), b.Subtract(Trigamma(b, b.Multiply(b.Constant(0.5), nu)), Trigamma(b, b.Multiply(b.Constant(0.5), nu1)))),
            b.Divide(b.Add(nu, b.Constant(5)), b.Multiply(two, b.Multiply(nu, b.Multiply(nu1, nu3)))));
        var nuScale = b.Negate(b.Divide(two, b.Multiply(nu1, b.Multiply(nu3, s))));
        var location = b.Divide(nu1, b.Multiply(nu3, b.Square(s)));
        var scale = b.Divide(b.Multiply(two, nu), b.Multiply(nu3, b.Square(s)));
        if (nu.IsConstantValue(double.PositiveInfinity))
        {
            location = InverseSquare(b, s);
            scale = b.Multiply(two, InverseSquare(b, s));
        }
        else if (!nu.DependsOnParameters && !nu.IsConstant)
        {
            // A ν from data alone may be +∞: the normal's 1/s² and 2/s² (ν's own row has no Jacobian: data).
            var finite = FiniteNu(b, nu);
            location = b.Conditional(finite, location, InverseSquare(b, s));
            scale = b.Conditional(finite, scale, b.Multiply(two, InverseSquare(b, s)));
        }

        return [new(0, 0, nuNu), new(0, 2, nuScale), new(1, 1, location), new(2, 2, scale)];
    }

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>The real line: only ±∞ bounds cut nothing off.</summary>
    public override SupportEdges TruncationEdges => new(double.NegativeInfinity, double.PositiveInfinity, 0, 1);

    /// <summary>log F((y − μ)/s; ν), or log F(−z; ν) = log S(z; ν) for the upper tail by symmetry.</summary>
    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper)
    {
        var z = Standardize(b, b.ToDouble(y), args.Scalars[1], args.Scalars[2]);
        return b.Binary(BinaryOp.StudentTLogCdf, args.Scalars[0], upper ? b.Negate(z) : z);
    }
}
