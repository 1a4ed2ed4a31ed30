using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Gumbel(location, scale)</c>: the maximum extreme-value law, log f = −log σ − z − e^−z, z = (y − μ)/σ.</summary>
internal sealed class GumbelFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Gumbel;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("location", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.Location),
        new("scale", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var scale = args.Scalars[1];
        var z = Standardize(b, b.ToDouble(y), args.Scalars[0], scale);
        return b.Sum(b.Negate(b.Log(scale)), b.Negate(z), b.Negate(b.Exp(b.Negate(z))));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>
    /// (location μ, scale σ): [[1, −(1−γ)], [−(1−γ), (1−γ)² + π²/6]]/σ² (with W = e^−z ~ Exp(1): the scores are
    /// (1 − W)/σ and (z − 1 − zW)/σ, and E[log W] = −γ, E[log² W] = γ² + π²/6). Checked by quadrature in GumbelTests.
    /// </summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi)
    {
        double oneMinusGamma = 1 - EulerGamma;
        var inverseVariance = InverseSquare(b, phi[1]);
        return
        [
            new(0, 0, inverseVariance),
            new(0, 1, b.Multiply(b.Constant(-oneMinusGamma), inverseVariance)),
            new(1, 1, b.Multiply(b.Constant((oneMinusGamma * oneMinusGamma) + PiSquaredOverSix), inverseVariance)),
        ];
    }

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>The real line: only ±∞ bounds cut nothing off.</summary>
    public override SupportEdges TruncationEdges => new(double.NegativeInfinity, double.PositiveInfinity, 0, 1);

    /// <summary>log F = −e^−z; log S = log(1 − exp(−e^−z)) = Log1mExp(e^−z), exact in both tails.</summary>
    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper)
    {
        var z = Standardize(b, b.ToDouble(y), args.Scalars[0], args.Scalars[1]);
        var t = b.Exp(b.Negate(z));
        return upper ? b.Unary(UnaryOp.Log1mExp, t) : b.Negate(t);
    }
}
