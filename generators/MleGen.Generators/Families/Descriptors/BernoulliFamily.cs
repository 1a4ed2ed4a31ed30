using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Bernoulli(p)</c>.</summary>
internal sealed class BernoulliFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Bernoulli;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("p", ArgumentKind.Scalar, ArgumentDomains.Probability, ArgumentRole.Probability),
    ];

    public override ObservationSupport Support => ObservationSupport.Binary;

    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) =>
        b.Conditional(IsOne(b, y), b.Log(args.Scalars[0]), b.Unary(UnaryOp.Log1p, b.Negate(args.Scalars[0])));

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>1/(p(1 − p)).</summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) =>
        [new(0, 0, Reciprocal(b, b.Multiply(phi[0], b.Subtract(b.Constant(1), phi[0]))))];

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;

    public override FamilyKind? LogitForm => FamilyKind.BernoulliLogit;

    public override IReadOnlyList<FusedForm> FusedForms { get; } =
    [
        new(0, UnaryOp.Logistic, FusedForm.LogisticMethod, FamilyKind.BernoulliLogit),
        new(0, UnaryOp.Phi, FusedForm.PhiMethod, FamilyKind.BernoulliProbit),
    ];
}
