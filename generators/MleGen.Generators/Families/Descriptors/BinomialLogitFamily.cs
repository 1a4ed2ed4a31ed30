using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>BinomialLogit(trials, eta)</c>.</summary>
internal sealed class BinomialLogitFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.BinomialLogit;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("trials", ArgumentKind.Count, ArgumentDomains.NonNegative, ArgumentRole.None),
        new("eta", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.None),
    ];

    public override ObservationSupport Support => ObservationSupport.BoundedCount;

    /// <summary>log C(n, y) + y·η − n·softplus(η).</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var yd = b.ToDouble(y);
        var trials = b.ToDouble(args.Scalars[0]);
        return b.Sum(LogChoose(b, trials, yd), b.Multiply(yd, args.Scalars[1]), b.Negate(b.Multiply(trials, b.Unary(UnaryOp.Softplus, args.Scalars[1]))));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>n·p(1 − p) for η.</summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi)
    {
        var p = b.Unary(UnaryOp.Logistic, phi[1]);
        return [new(1, 1, b.Multiply(b.ToDouble(phi[0]), b.Multiply(p, b.Subtract(b.Constant(1), p))))];
    }

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
