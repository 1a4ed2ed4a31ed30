using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Normal(mean, sd)</c>.</summary>
internal sealed class NormalFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Normal;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("mean", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.Location),
        new("sd", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) => NormalLogDensity(b, b.ToDouble(y), args.Scalars[0], args.Scalars[1]);

    public override FisherForm Fisher => FisherForm.Entries;

    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) =>
        [new(0, 0, InverseSquare(b, phi[1])), new(1, 1, b.Multiply(b.Constant(2), InverseSquare(b, phi[1])))];

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>The real line: only ±∞ bounds cut nothing off.</summary>
    public override SupportEdges TruncationEdges => new(double.NegativeInfinity, double.PositiveInfinity, 0, 1);

    /// <summary>log Φ(±z): Φ's symmetry turns the upper tail into the lower one, where log Φ is exact.</summary>
    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper)
    {
        var z = Standardize(b, b.ToDouble(y), args.Scalars[0], args.Scalars[1]);
        return b.Unary(UnaryOp.LogPhi, upper ? b.Negate(z) : z);
    }
}
