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
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) =>
        OverComponents(b, y, args, (yd, mean, sd) => NormalLogDensity(b, yd, mean, sd));

    /// <summary>log Σₖ wₖ Φ(±zₖ), zₖ = (y − μₖ)/σₖ, by log-sum-exp of log wₖ + log Φ(±zₖ): each log Φ is tail-stable, so the sum is.</summary>
    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper) =>
        OverComponents(b, y, args, (yd, mean, sd) =>
        {
            var z = Standardize(b, yd, mean, sd);
            return b.Unary(UnaryOp.LogPhi, upper ? b.Negate(z) : z);
        });

    /// <summary>log Σₖ wₖ·exp(g(y, μₖ, σₖ)) over the components k (a loop variable of its own).</summary>
    private static Node OverComponents(IrBuilder b, Node y, FamilyArguments args, System.Func<Node, Node, Node, Node> logComponent)
    {
        var yd = b.ToDouble(y);
        int variable = b.NewVariable("k", 0);
        var vectors = args.Vectors;
        var count = b.Length(vectors[0].Member, -1);
        b.SetCount(variable, count);
        var k = System.Collections.Immutable.ImmutableArray.Create(b.Variable(variable));
        Node Read((string Member, bool IsParameter) v) => v.IsParameter ? b.Param(v.Member, k) : b.Data(v.Member, ScalarType.Double, k);
        var component = b.Add(b.Log(Read(vectors[0])), logComponent(yd, Read(vectors[1]), Read(vectors[2])));
        return b.Reduce(ReductionKind.LogSumExp, count, variable, component);
    }

    /// <summary>No closed form: <c>Functions.NormalMixtureInformation</c> integrates it (a quadrature, cached per θ).</summary>
    public override FisherForm Fisher => FisherForm.Quadrature;

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>The real line: only ±∞ bounds cut nothing off.</summary>
    public override SupportEdges TruncationEdges => new(double.NegativeInfinity, double.PositiveInfinity, 0, 1);
}
