using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>NormalMixture(weights, means, sds)</c>: whole vector members.</summary>
internal sealed class NormalMixtureFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.NormalMixture;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("weights", ArgumentKind.Vector, ArgumentDomains.ProbabilityVector, ArgumentRole.None),
        new("means", ArgumentKind.Vector, ArgumentDomains.Finite, ArgumentRole.None),
        new("sds", ArgumentKind.Vector, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    /// <summary>log Σₖ wₖ N(y; μₖ, σₖ), by log-sum-exp.</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var yd = b.ToDouble(y);
        int variable = b.NewVariable("k", 0);
        var vectors = args.Vectors;
        var count = b.Length(vectors[0].Member, -1);
        b.SetCount(variable, count);
        var k = System.Collections.Immutable.ImmutableArray.Create(b.Variable(variable));
        Node Read((string Member, bool IsParameter) v) => v.IsParameter ? b.Param(v.Member, k) : b.Data(v.Member, ScalarType.Double, k);
        var component = b.Add(b.Log(Read(vectors[0])), NormalLogDensity(b, yd, Read(vectors[1]), Read(vectors[2])));
        return b.Reduce(ReductionKind.LogSumExp, count, variable, component);
    }

    /// <summary>No closed form: <c>Functions.NormalMixtureInformation</c> integrates it (a quadrature, cached per θ).</summary>
    public override FisherForm Fisher => FisherForm.Quadrature;

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
