using System.Collections.Generic;
using MleGen.Generators.Differentiation;
using MleGen.Generators.Families;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Plan;

/// <summary>
/// The stage between the IR and emission: every node, derivative and loop variable of one model decided up front —
/// each term's gradient computed once (the NLL + gradient pass and the scores share it), its exact Hessian, its
/// expected information, each derived quantity's gradient — and the limits checked on the finished plan, before any
/// text exists. The emitters only print a plan; they create no node that needs a new loop variable (checked:
/// <see cref="VariableCount"/>).
/// </summary>
internal sealed class ModelPlan
{
    private ModelPlan(ModelIr ir, IReadOnlyList<TermPlan> terms, IReadOnlyList<DerivedPlan> derived)
    {
        Ir = ir;
        Terms = terms;
        Derived = derived;
        VariableCount = ir.Builder.Variables.Count;
    }

    public ModelIr Ir { get; }

    public ModelSpec Spec => Ir.Spec;

    public IrBuilder Builder => Ir.Builder;

    /// <summary>One plan per likelihood term, in declaration order.</summary>
    public IReadOnlyList<TermPlan> Terms { get; }

    /// <summary>One plan per <c>[Derived]</c> quantity, in declaration order.</summary>
    public IReadOnlyList<DerivedPlan> Derived { get; }

    /// <summary>The loop variables the plan allocated: emission must not add any.</summary>
    public int VariableCount { get; }

    /// <summary>
    /// The plan of <paramref name="spec"/>, or null when it cannot be compiled within the generator's limits (more loop
    /// variables than <see cref="VariableSet.Capacity"/>, more matrix entries than <see cref="Parsing.Limits.MaxMatrixEntries"/>:
    /// MLE0019, reported by the analyzer).
    /// </summary>
    public static ModelPlan? Build(ModelSpec spec) => Build(spec, out _);

    /// <summary>As <see cref="Build(ModelSpec)"/>, saying which limit a model past them exceeds.</summary>
    public static ModelPlan? Build(ModelSpec spec, out PlanLimit exceeded)
    {
        exceeded = PlanLimit.None;
        if (spec.Likelihoods.Count == 0)
        {
            return null;
        }

        var ir = ModelIr.Lower(spec);
        var b = ir.Builder;
        if (b.TooManyVariables)
        {
            exceeded = PlanLimit.LoopVariables;
            return null;
        }

        // The derived quantities first, then each term's derivatives in the order the methods print them: the node
        // ids (which order the generated statements) are those of the emitters that once built them as they went.
        var derived = new List<DerivedPlan>();
        var lowering = new SpecLowering(b, spec.Names);
        foreach (var quantity in spec.Derived)
        {
            var root = lowering.Lower(quantity.Expression);
            derived.Add(new DerivedPlan(quantity, root, ReverseMode.Gradient(b, root, b.Constant(1))));
        }

        var order = new ParameterOrder(spec);
        var terms = new List<TermPlan>();
        int hessianEntries = 0, expectedEntries = 0;
        foreach (var term in ir.Terms)
        {
            var gradient = ReverseMode.Gradient(b, term.Nll, b.Constant(1));
            var hessian = Hessian(b, gradient, order);
            var (kind, expected) = Expected(b, term, order);
            terms.Add(new TermPlan(term, gradient, hessian, kind, expected));
            hessianEntries += hessian.Count;
            expectedEntries += expected.Count;
            if (hessianEntries > Parsing.Limits.MaxMatrixEntries || expectedEntries > Parsing.Limits.MaxMatrixEntries)
            {
                exceeded = PlanLimit.MatrixEntries;
                return null;
            }
        }

        if (b.TooManyVariables)
        {
            exceeded = PlanLimit.LoopVariables;
            return null;
        }

        return new ModelPlan(ir, terms, derived);
    }

    /// <summary>
    /// True when <paramref name="spec"/> may write more matrix entries than <see cref="Parsing.Limits.MaxMatrixEntries"/>
    /// without loops: r distinct parameter reads give about r(r + 1)/2 entries per matrix (more when a pair's
    /// derivative differs between the branches of a <c>?:</c>, hence the margin of 4). Cheap (one walk of the specs), so
    /// the analyzer builds the plan only for the models that can come near the limit.
    /// </summary>
    public static bool MayExceedMatrixEntries(ModelSpec spec)
    {
        var reads = new HashSet<ExprSpec>();
        foreach (var term in spec.Likelihoods)
        {
            foreach (var argument in term.Arguments)
            {
                Parsing.SpecFacts.Any(argument, s =>
                {
                    if (s is ParamReadSpec or MemberVectorSpec { IsParameter: true })
                    {
                        reads.Add(s);
                    }

                    return false;
                });
            }
        }

        // A whole vector handed to a family (ordered cut points) is read at a few data-chosen indices: count it twice.
        long r = 0;
        foreach (var read in reads)
        {
            r += read is MemberVectorSpec ? 2 : 1;
        }

        return 4 * (r * (r + 1) / 2) > Parsing.Limits.MaxMatrixEntries;
    }

    /// <summary>∂²NLL/∂θ∂θ: reverse mode applied again to each gradient adjoint, its loop variables renamed apart.</summary>
    private static List<MatrixEntry> Hessian(IrBuilder b, IReadOnlyList<GradientContribution> gradient, ParameterOrder order)
    {
        var entries = new List<MatrixEntry>();
        foreach (var first in gradient)
        {
            var row = ReverseMode.RenameApart(b, first);
            foreach (var second in ReverseMode.Gradient(b, row.Adjoint, b.Constant(1), row.Parameter.FreeVariables))
            {
                ExpectedInformation.Add(entries, ExpectedInformation.Entry(b, order, row, second, second.Adjoint));
            }
        }

        return entries;
    }

    private static (ExpectedKind Kind, IReadOnlyList<MatrixEntry> Entries) Expected(IrBuilder b, TermIr term, ParameterOrder order)
    {
        var spec = term.Spec;
        if (!FisherTable.HasClosedForm(spec))
        {
            // An uncensored, untruncated mixture's F is a quadrature; a censored, truncated or custom term's, or a family's
            // without a closed form, is not derived (ExpectedInformation throws for the model). The quadrature integrates the
            // plain mixture density: under censoring or truncation it would be a wrong number under the expected one's name.
            bool plainMixture = spec.Family == FamilyKind.NormalMixture && !spec.IsCensored && !spec.IsTruncated;
            return (plainMixture ? ExpectedKind.Mixture : ExpectedKind.None, []);
        }

        var weight = spec.Weights is null
            ? b.Constant(1)
            : b.Data(spec.Weights, ScalarType.Double, System.Collections.Immutable.ImmutableArray.Create(b.ObservationIndex()));
        return (ExpectedKind.ClosedForm, FamilyRegistry.Get(spec.Family).Fisher switch
        {
            FisherForm.Softmax => ExpectedInformation.Categorical(b, term, weight, order),
            FisherForm.Cumulative => ExpectedInformation.OrderedLogistic(b, term, weight, order),
            _ => ExpectedInformation.ScalarFamily(b, term, weight, order),
        });
    }
}

/// <summary>The generator limit a model's plan exceeds (MLE0019).</summary>
internal enum PlanLimit
{
    /// <summary>Within every limit (or no plan: a model without likelihood terms).</summary>
    None,

    /// <summary>More loop variables than <see cref="VariableSet.Capacity"/>.</summary>
    LoopVariables,

    /// <summary>More Hessian or expected-information entries than <see cref="Parsing.Limits.MaxMatrixEntries"/>.</summary>
    MatrixEntries,
}

/// <summary>How a term's expected information is computed.</summary>
internal enum ExpectedKind
{
    /// <summary>Σᵢ Jᵢᵀ F(φᵢ) Jᵢ from the family's closed form (<see cref="TermPlan.Expected"/>).</summary>
    ClosedForm,

    /// <summary>n·F(w, μ, σ) by quadrature (NormalMixture).</summary>
    Mixture,

    /// <summary>
    /// Not derived (censored, truncated or custom terms, families without a closed form): the model's
    /// <c>ExpectedInformation</c> throws, naming the term.
    /// </summary>
    None,
}

/// <summary>The derivatives of one likelihood term.</summary>
/// <param name="Term">The term's IR.</param>
/// <param name="Gradient">dNLLᵢ/dθ, one contribution per parameter read (the gradient pass and the scores print it).</param>
/// <param name="Hessian">The exact Hessian's entries (rows and columns renamed apart).</param>
/// <param name="ExpectedKind">How the expected information is computed.</param>
/// <param name="Expected">The expected information's entries when <paramref name="ExpectedKind"/> is <see cref="ExpectedKind.ClosedForm"/>.</param>
internal sealed record TermPlan(
    TermIr Term,
    IReadOnlyList<GradientContribution> Gradient,
    IReadOnlyList<MatrixEntry> Hessian,
    ExpectedKind ExpectedKind,
    IReadOnlyList<MatrixEntry> Expected);

/// <summary>matrix[row read, column read] += <paramref name="Value"/> where <paramref name="Guard"/> (both reads' guards) holds.</summary>
internal sealed record MatrixEntry(GradientContribution Row, GradientContribution Column, Node Value, Node? Guard);

/// <summary>A <c>[Derived]</c> quantity: its value and its gradient.</summary>
internal sealed record DerivedPlan(DerivedSpec Spec, Node Root, IReadOnlyList<GradientContribution> Gradient);
