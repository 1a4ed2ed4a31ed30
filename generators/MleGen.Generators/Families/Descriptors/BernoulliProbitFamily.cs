using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>BernoulliProbit(eta)</c>: p = Φ(η).</summary>
internal sealed class BernoulliProbitFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.BernoulliProbit;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("eta", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.None),
    ];

    public override ObservationSupport Support => ObservationSupport.Binary;

    /// <summary>log Φ(±η).</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) =>
        b.Unary(UnaryOp.LogPhi, b.Conditional(IsOne(b, y), args.Scalars[0], b.Negate(args.Scalars[0])));

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>φ(η)² / (Φ(η)·Φ(−η)).</summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi)
    {
        var pdf = b.Unary(UnaryOp.NormalPdf, phi[0]);
        return [new(0, 0, b.Divide(b.Square(pdf), b.Multiply(b.Unary(UnaryOp.Phi, phi[0]), b.Unary(UnaryOp.Phi, b.Negate(phi[0])))))];
    }

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
