using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>BernoulliLogit(eta)</c>: p = logistic(η), fused and stable.</summary>
internal sealed class BernoulliLogitFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.BernoulliLogit;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("eta", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.None),
    ];

    public override ObservationSupport Support => ObservationSupport.Binary;

    /// <summary>y·η − log(1 + e^η).</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) =>
        b.Subtract(b.Conditional(IsOne(b, y), args.Scalars[0], b.Constant(0)), b.Unary(UnaryOp.Softplus, args.Scalars[0]));

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>p(1 − p).</summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi)
    {
        var p = b.Unary(UnaryOp.Logistic, phi[0]);
        return [new(0, 0, b.Multiply(p, b.Subtract(b.Constant(1), p)))];
    }

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
