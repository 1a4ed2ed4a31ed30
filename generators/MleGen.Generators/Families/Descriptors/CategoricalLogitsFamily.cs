using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>CategoricalLogits.Of(classes, k =&gt; logit)</c>: an int class 0 … K − 1.</summary>
internal sealed class CategoricalLogitsFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.CategoricalLogits;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("classes", ArgumentKind.Count, ArgumentDomains.AtLeastOne, ArgumentRole.None),
        new("logit", ArgumentKind.Lambda, ArgumentDomains.Finite, ArgumentRole.None),
    ];

    public override ObservationSupport Support => ObservationSupport.Categorical;

    /// <summary>logit_y − log Σₖ exp(logit_k).</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var (variable, body) = args.Lambda ?? throw new Common.InternalErrorException("CategoricalLogits lowered without its logit lambda");
        var observedLogit = Substitution.Substitute(b, body, variable, y);
        return b.Subtract(observedLogit, b.Reduce(ReductionKind.LogSumExp, args.Scalars[0], variable, body));
    }

    /// <summary>diag p − ppᵀ over the logits, which the information emitter scatters through the logits' gradients.</summary>
    public override FisherForm Fisher => FisherForm.Softmax;

    public override bool HasKink => false;

    public override bool HasMoments => false;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
