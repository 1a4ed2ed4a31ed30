using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>ZeroInflatedNegativeBinomial(zeroProbability, mean, dispersion)</c>: pscl::zeroinfl(dist = "negbin").</summary>
internal sealed class ZeroInflatedNegativeBinomialFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.ZeroInflatedNegativeBinomial;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("zeroProbability", ArgumentKind.Scalar, ArgumentDomains.Probability, ArgumentRole.None),
        new("mean", ArgumentKind.Scalar, ArgumentDomains.NonNegative, ArgumentRole.Positive),
        new("dispersion", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Count;

    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) =>
        OrdinalAndZeroInflated.ZeroInflatedLogDensity(b, y, args.Scalars[0], FamilyRegistry.Get(FamilyKind.NegativeBinomial).LogDensity(b, y, new FamilyArguments([args.Scalars[1], args.Scalars[2]])));

    /// <summary>Not derived: the dispersion entries are series over y with the zero mass mixed in.</summary>
    public override FisherForm Fisher => FisherForm.None;

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
