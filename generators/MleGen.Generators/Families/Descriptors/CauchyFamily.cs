using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Cauchy(location, scale)</c>: no mean, so no fitted values.</summary>
internal sealed class CauchyFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Cauchy;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("location", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.Location),
        new("scale", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    /// <summary>−log π − log s − log1p(z²).</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var a = args.Scalars;
        var z = b.Divide(b.Subtract(b.ToDouble(y), a[0]), a[1]);
        return b.Sum(b.Constant(-LogPi), b.Negate(b.Log(a[1])), b.Negate(b.Unary(UnaryOp.Log1p, b.Square(z))));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) =>
        [new(0, 0, b.Divide(b.Constant(0.5), b.Square(phi[1]))), new(1, 1, b.Divide(b.Constant(0.5), b.Square(phi[1])))];

    public override bool HasKink => false;

    public override bool HasMoments => false;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>The real line: only ±∞ bounds cut nothing off.</summary>
    public override SupportEdges TruncationEdges => new(double.NegativeInfinity, double.PositiveInfinity, 0, 1);

    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper)
    {
        var z = Standardize(b, b.ToDouble(y), args.Scalars[0], args.Scalars[1]);
        return b.Unary(UnaryOp.CauchyLogCdf, upper ? b.Negate(z) : z);
    }
}
