using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Binomial(trials, p)</c>: trials is an int that bounds the support.</summary>
internal sealed class BinomialFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Binomial;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("trials", ArgumentKind.Count, ArgumentDomains.NonNegative, ArgumentRole.None),
        new("p", ArgumentKind.Scalar, ArgumentDomains.Probability, ArgumentRole.Probability),
    ];

    public override ObservationSupport Support => ObservationSupport.BoundedCount;

    /// <summary>log C(n, y) + y log p + (n − y) log1p(−p), each product 0 where its count is 0.</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var yd = b.ToDouble(y);
        var trials = b.ToDouble(args.Scalars[0]);
        var failures = b.Subtract(trials, yd);
        return b.Sum(
            LogChoose(b, trials, yd),
            b.Conditional(IsZero(b, yd), b.Constant(0), b.Multiply(yd, b.Log(args.Scalars[1]))),
            b.Conditional(IsZero(b, failures), b.Constant(0), b.Multiply(failures, b.Unary(UnaryOp.Log1p, b.Negate(args.Scalars[1])))));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>n/(p(1 − p)) for p; trials are data (no row).</summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) =>
        [new(1, 1, b.Divide(b.ToDouble(phi[0]), b.Multiply(phi[1], b.Subtract(b.Constant(1), phi[1]))))];

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;

    public override FamilyKind? LogitForm => FamilyKind.BinomialLogit;

    public override IReadOnlyList<FusedForm> FusedForms { get; } =
    [
        new(1, UnaryOp.Logistic, FusedForm.LogisticMethod, FamilyKind.BinomialLogit),
    ];
}
