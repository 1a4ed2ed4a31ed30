using System.Collections.Generic;
using System.Collections.Immutable;
using MleGen.Generators.Families;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Ir;

/// <summary>The IR of one likelihood term: −wᵢ·log p(yᵢ | φᵢ(θ)) for observation i.</summary>
/// <param name="Spec">The term as parsed.</param>
/// <param name="Observation">yᵢ as read from the observed member.</param>
/// <param name="FamilyParameters">φᵢ: the family's scalar arguments.</param>
/// <param name="LogDensity">log p(yᵢ | φᵢ).</param>
/// <param name="Nll">The θ-dependent part of the term's contribution to the NLL for observation i (weights applied).</param>
/// <param name="Constant">The rest: terms of the log density that read only data (log y!, log C(n, y), …), negated and weighted. Their sum is computed once per data set.</param>
internal sealed record TermIr(LikelihoodSpec Spec, Node Observation, IReadOnlyList<Node> FamilyParameters, Node LogDensity, Node Nll, Node Constant)
{
    /// <summary>The family's lowered arguments (its vector members too: OrderedLogistic's cuts); null for a custom term.</summary>
    public FamilyArguments? Arguments { get; init; }
}

/// <summary>The IR of a whole model: one <see cref="TermIr"/> per <c>[Likelihood]</c> method, sharing one builder.</summary>
internal sealed class ModelIr
{
    private ModelIr(ModelSpec spec, IrBuilder builder, IReadOnlyList<TermIr> terms)
    {
        Spec = spec;
        Builder = builder;
        Terms = terms;
    }

    public ModelSpec Spec { get; }

    public IrBuilder Builder { get; }

    public IReadOnlyList<TermIr> Terms { get; }

    /// <summary>Lowers <paramref name="spec"/>; with <paramref name="vectorForms"/>, each family's density in its vector form (<see cref="FamilyDescriptor.VectorLogDensity"/>).</summary>
    public static ModelIr Lower(ModelSpec spec, bool vectorForms = false)
    {
        var builder = new IrBuilder();
        var lowering = new SpecLowering(builder, spec.Names);
        var terms = new List<TermIr>();
        foreach (var term in spec.Likelihoods)
        {
            if (term.IsCustom)
            {
                terms.Add(LowerCustom(spec, builder, lowering, term));
                continue;
            }

            var observed = Find(spec, term.Observed);
            var y = builder.Data(term.Observed, ElementType(observed?.Kind ?? DataKind.DoubleArray), ImmutableArray.Create(builder.ObservationIndex()));
            var args = LowerArguments(builder, lowering, term);
            var logDensity = FamilyTable.LogDensity(builder, term.Family, y, args, vectorForms);
            var (variable, constant) = SplitConstant(builder, logDensity);
            (variable, constant) = Censor(builder, term, y, args, variable, constant);
            if (term.IsTruncated)
            {
                // Renormalized by the probability of the allowed region.
                var mass = FamilyTable.LogTruncationMass(builder, term.Family, args, Bound(spec, builder, term.TruncatedBelow), Bound(spec, builder, term.TruncatedAbove));
                variable = builder.Subtract(variable, mass);
            }
            terms.Add(new TermIr(term, y, args.Scalars, logDensity, builder.Negate(Weighted(builder, term, variable)), builder.Negate(Weighted(builder, term, constant))) { Arguments = args });
        }

        return new ModelIr(spec, builder, terms);
    }

    /// <summary>A <c>[LogLikelihood]</c> term: its expression is the log-likelihood contribution of row i (or the one term); no family parameters.</summary>
    private static TermIr LowerCustom(ModelSpec spec, IrBuilder builder, SpecLowering lowering, LikelihoodSpec term)
    {
        var rows = term.IsSingle ? builder.Constant(0) : builder.Data(term.Observed, ElementType(Find(spec, term.Observed)?.Kind ?? DataKind.DoubleArray), ImmutableArray.Create(builder.ObservationIndex()));
        var logLikelihood = lowering.Lower(term.Arguments[0]);
        var (variable, constant) = SplitConstant(builder, logLikelihood);
        return new TermIr(term, rows, System.Array.Empty<Node>(), logLikelihood, builder.Negate(variable), builder.Negate(constant));
    }

    /// <summary>
    /// A censored observation contributes log F(y) (left) or log S(y) (right) instead of the log density: the flags pick
    /// the branch per observation (a data-only condition), and the density's data-only part drops out of those rows.
    /// </summary>
    private static (Node Variable, Node Constant) Censor(IrBuilder builder, LikelihoodSpec term, Node y, FamilyArguments args, Node variable, Node constant)
    {
        var index = ImmutableArray.Create(builder.ObservationIndex());
        if (term.LeftCensored is { } left)
        {
            var flag = builder.Data(left, ScalarType.Bool, index);
            variable = builder.Conditional(flag, FamilyTable.LogCdf(builder, term.Family, y, args, upper: false), variable);
            constant = builder.Conditional(flag, builder.Constant(0), constant);
        }

        if (term.RightCensored is { } right)
        {
            var flag = builder.Data(right, ScalarType.Bool, index);
            variable = builder.Conditional(flag, FamilyTable.LogCdf(builder, term.Family, y, args, upper: true), variable);
            constant = builder.Conditional(flag, builder.Constant(0), constant);
        }

        return (variable, constant);
    }

    /// <summary>A truncation bound: the scalar datum, or its element i.</summary>
    internal static Node? Bound(ModelSpec spec, IrBuilder builder, string? member)
    {
        if (member is null)
        {
            return null;
        }

        return Find(spec, member)?.Kind == DataKind.DoubleArray
            ? builder.Data(member, ScalarType.Double, ImmutableArray.Create(builder.ObservationIndex()))
            : builder.Data(member, ScalarType.Double, ImmutableArray<Node>.Empty);
    }

    private static Node Weighted(IrBuilder builder, LikelihoodSpec term, Node value) => term.Weights is null
        ? value
        : builder.Multiply(builder.Data(term.Weights, ScalarType.Double, ImmutableArray.Create(builder.ObservationIndex())), value);

    /// <summary>Splits a sum into its θ-dependent terms and its data-only terms.</summary>
    private static (Node Variable, Node Constant) SplitConstant(IrBuilder builder, Node sum)
    {
        var variable = builder.Constant(0);
        var constant = builder.Constant(0);
        var split = new HashSet<Node>();
        Visit(sum, negate: false);
        return (variable, constant);

        void Visit(Node node, bool negate)
        {
            // A sum shared by several terms is split once; its other uses stay whole (a DAG of sums is no tree).
            switch (split.Add(node) ? node : null)
            {
                case { Kind: NodeKind.Binary, BinaryOp: BinaryOp.Add or BinaryOp.Subtract }:
                    Visit(node.Children[0], negate);
                    Visit(node.Children[1], node.BinaryOp == BinaryOp.Subtract ? !negate : negate);
                    return;
                case { Kind: NodeKind.Unary, UnaryOp: UnaryOp.Negate }:
                    Visit(node.Children[0], !negate);
                    return;
            }

            var term = negate ? builder.Negate(node) : node;
            if (node.DependsOnParameters)
            {
                variable = builder.Add(variable, term);
            }
            else
            {
                constant = builder.Add(constant, term);
            }
        }
    }

    private static FamilyArguments LowerArguments(IrBuilder builder, SpecLowering lowering, LikelihoodSpec term)
    {
        var scalars = new List<Node>();
        var vectors = new List<(string, bool)>();
        (int, Node)? lambda = null;
        foreach (var argument in term.Arguments)
        {
            switch (argument)
            {
                case LambdaSpec l:
                    lambda = lowering.LowerLambda(l.Variable, l.Body, scalars.Count > 0 ? scalars[0] : builder.IntConstant(0));
                    break;
                case MemberVectorSpec v:
                    vectors.Add((v.Member, v.IsParameter));
                    break;
                default:
                    scalars.Add(lowering.Lower(argument));
                    break;
            }
        }

        return new FamilyArguments(scalars) { Lambda = lambda, Vectors = vectors };
    }

    private static DataMemberSpec? Find(ModelSpec spec, string name)
    {
        foreach (var d in spec.Data)
        {
            if (d.Name == name)
            {
                return d;
            }
        }

        return null;
    }

    private static ScalarType ElementType(DataKind kind) => kind switch
    {
        DataKind.IntArray or DataKind.Int => ScalarType.Int,
        DataKind.BoolArray => ScalarType.Bool,
        _ => ScalarType.Double,
    };
}
