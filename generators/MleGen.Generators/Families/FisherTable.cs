using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>
/// Each family's Fisher information F(φ) = E[−∂² log p(y | φ)/∂φ∂φᵀ] per observation, from its descriptor's
/// <see cref="FisherForm"/>: closed-form entries over its scalar arguments (data arguments such as Binomial's trials
/// get zero rows), the categorical's softmax form (built by the emitter), or a runtime quadrature (NormalMixture).
/// </summary>
internal static class FisherTable
{
    /// <summary>True when the family's information is closed-form entries or the softmax form (not a quadrature, not underived).</summary>
    public static bool HasClosedForm(FamilyKind family) => FamilyRegistry.Get(family).Fisher is FisherForm.Entries or FisherForm.Softmax or FisherForm.Cumulative;

    /// <summary>
    /// True when the term's expected information is the family's closed form: not for a quadrature family, and not for a
    /// censored term, whose expectation would run over the censoring mechanism too (not derived: such terms contribute
    /// their observed information and the model reports <c>HasExpectedInformation</c> false).
    /// </summary>
    public static bool HasClosedForm(LikelihoodSpec term) => HasClosedForm(term.Family) && !term.IsCensored && !term.IsTruncated;

    /// <summary>The nonzero entries (a, b, F_ab) with a ≤ b of the family's information; symmetric.</summary>
    /// <exception cref="Common.InternalErrorException">The family's information is not <see cref="FisherForm.Entries"/>.</exception>
    public static IReadOnlyList<FisherEntry> Entries(IrBuilder b, FamilyKind family, IReadOnlyList<Node> phi)
    {
        var descriptor = FamilyRegistry.Get(family);
        if (descriptor.Fisher != FisherForm.Entries)
        {
            throw new Common.InternalErrorException("closed-form Fisher entries asked of " + family + ", whose information is " + descriptor.Fisher);
        }

        // 1 and 2 interned first, as the table always did: keeps node ids (and the generated code) as they were.
        b.Constant(1);
        b.Constant(2);
        return descriptor.FisherEntries(b, phi);
    }
}
