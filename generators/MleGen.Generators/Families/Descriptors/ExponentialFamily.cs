using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Exponential(rate)</c>.</summary>
internal sealed class ExponentialFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Exponential;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("rate", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    /// <summary>log λ − λy.</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) =>
        b.Subtract(b.Log(args.Scalars[0]), b.Multiply(args.Scalars[0], b.ToDouble(y)));

    public override FisherForm Fisher => FisherForm.Entries;

    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) => [new(0, 0, InverseSquare(b, phi[0]))];

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>(0, ∞): a lower bound at or below 0 (delayed entry at time 0) cuts nothing off.</summary>
    public override SupportEdges TruncationEdges => new(0, double.PositiveInfinity, 1, 2);

    /// <summary>S = e^−λy; F = 1 − e^−λy.</summary>
    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper)
    {
        var t = b.Multiply(args.Scalars[0], b.ToDouble(y));
        return upper ? b.Negate(t) : b.Unary(UnaryOp.Log1mExp, t);
    }
}
