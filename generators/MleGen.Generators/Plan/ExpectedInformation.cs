using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MleGen.Generators.Differentiation;
using MleGen.Generators.Families;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Plan;

/// <summary>
/// The entries of a term's expected information Σᵢ Jᵢᵀ F(φᵢ) Jᵢ (J = ∂φ/∂θ, F the family's closed form), and the
/// matrix entries' common rule: only pairs on or above the diagonal of θ's blocks, under both reads' guards.
/// </summary>
internal static class ExpectedInformation
{
    /// <summary>Jᵀ F J for a family with scalar parameters φ: entry (a, b) pairs ∂φₐ/∂θ with ∂φ_b/∂θ.</summary>
    public static List<MatrixEntry> ScalarFamily(IrBuilder b, TermIr term, Node weight, ParameterOrder order)
    {
        var phi = term.FamilyParameters;
        var jacobian = phi.Select(p => p.DependsOnParameters ? ReverseMode.Gradient(b, p, b.Constant(1)) : []).ToList();
        var entries = new List<MatrixEntry>();
        var rowCache = new Dictionary<int, List<GradientContribution>>();
        var columnCache = new Dictionary<int, List<GradientContribution>>();
        foreach (var (ra, rb, value) in FisherTable.Entries(b, term.Spec.Family, phi))
        {
            var f = b.Multiply(weight, value);
            AddPairs(ra, rb);
            if (ra != rb)
            {
                AddPairs(rb, ra);
            }

            void AddPairs(int a, int c)
            {
                // Each side renamed once (not once per pair): the loop variables of a model are a small, fixed budget.
                var rows = Renamed(a, rowSide: true);
                var columns = Renamed(c, rowSide: false);
                foreach (var row in rows)
                {
                    foreach (var column in columns)
                    {
                        Add(entries, Entry(b, order, row, column, b.Multiply(f, b.Multiply(row.Adjoint, column.Adjoint))));
                    }
                }
            }
        }

        return entries;

        List<GradientContribution> Renamed(int index, bool rowSide)
        {
            var cache = rowSide ? rowCache : columnCache;
            if (!cache.TryGetValue(index, out var renamed))
            {
                renamed = jacobian[index].Select(contribution => ReverseMode.RenameApart(b, contribution)).ToList();
                cache[index] = renamed;
            }

            return renamed;
        }
    }

    /// <summary>The categorical's information over its logits is diag(p) − ppᵀ: Σₖ pₖ JₖJₖᵀ − Σₖ Σₗ pₖpₗ JₖJₗᵀ.</summary>
    public static List<MatrixEntry> Categorical(IrBuilder b, TermIr term, Node weight, ParameterOrder order)
    {
        // The log-sum-exp node of the log density: logit_y − lse.
        var lse = term.LogDensity.Children[1];
        int k = lse.Variable;
        var body = lse.Body;
        var entries = new List<MatrixEntry>();
        var probability = b.Exp(b.Subtract(body, lse));
        var rows = ReverseMode.Gradient(b, body, b.Constant(1), VariableSet.Of(k));

        // A second class index l for the ppᵀ part.
        var info = b.Variables[k];
        int l = b.NewVariable(info.DisplayName, info.Depth);
        b.SetCount(l, b.CountOf(k));
        var lNode = b.Variable(l);
        var probabilityL = Substitution.Substitute(b, probability, k, lNode);
        var columns = rows.Select(right => ReverseMode.RenameApart(b, right, VariableSet.Of(k))).ToList();
        foreach (var left in rows)
        {
            var row = ReverseMode.RenameApart(b, left, VariableSet.Of(k));
            foreach (var column in columns)
            {
                Add(entries, Entry(b, order, row, column, b.Multiply(weight, b.Multiply(probability, b.Multiply(row.Adjoint, column.Adjoint)))));
                var columnL = column.Substitute(b, k, lNode);
                Add(entries, Entry(b, order, row, columnL, b.Negate(b.Multiply(weight, b.Multiply(b.Multiply(probability, probabilityL), b.Multiply(row.Adjoint, columnL.Adjoint))))));
            }
        }

        return entries;
    }

    /// <summary>
    /// The proportional-odds information Σₖ ∂pₖ∂pₖᵀ/pₖ (MASS::polr's expected information) over φ = (η, c₀ … c_{K−2}),
    /// with γₘ = Logistic(cₘ − η), gₘ = γₘ(1 − γₘ), pₘ = γₘ − γₘ₋₁ (g₋₁ = g_{K−1} = 0) — tridiagonal in the cuts:
    /// F(cₘ, cₘ) = gₘ²(1/pₘ + 1/pₘ₊₁), F(cₘ, cₘ₊₁) = −gₘgₘ₊₁/pₘ₊₁, F(η, cₘ) = −gₘ[(gₘ − gₘ₋₁)/pₘ − (gₘ₊₁ − gₘ)/pₘ₊₁],
    /// and F(η, η) = −Σₘ F(η, cₘ) (p depends on c − η only). Each g/p is exp(log g − log p) with log p the family's own
    /// stable log density at class m or m + 1, so no tail underflows to 0/0. Cut indices are clamped into range like the
    /// density's (a read outside the vector never happens, even in an unused branch); the cut rows exist only when the
    /// cuts are a parameter vector.
    /// </summary>
    public static List<MatrixEntry> OrderedLogistic(IrBuilder b, TermIr term, Node weight, ParameterOrder order)
    {
        var args = term.Arguments ?? throw new Common.InternalErrorException("OrderedLogistic's term has no lowered arguments");
        var eta = args.Scalars[0];
        var (member, isParameter) = args.Vectors[0];
        var count = b.Length(member, -1);                   // K − 1 cuts
        var lastCut = b.Subtract(count, b.IntConstant(1));  // index of the last cut
        var zero = b.IntConstant(0);
        var one = b.IntConstant(1);
        Node Cut(Node index) => isParameter ? b.Param(member, ImmutableArray.Create(index)) : b.Data(member, ScalarType.Double, ImmutableArray.Create(index));

        // Terms of F(η, cₘ) for a cut index variable m: (gₘ − gₘ₋₁)·gₘ/pₘ − (gₘ₊₁ − gₘ)·gₘ/pₘ₊₁, and the pieces the cut rows share.
        (Node Eta, Node Diagonal, Node Next) Pieces(int m)
        {
            var mNode = b.Variable(m);
            var previousIndex = b.Conditional(b.Binary(BinaryOp.Greater, mNode, zero), b.Subtract(mNode, one), zero);
            var nextIndex = b.Conditional(b.Binary(BinaryOp.Less, mNode, lastCut), b.Add(mNode, one), lastCut);
            Node LogG(Node index)
            {
                var x = b.Subtract(Cut(index), eta);
                return b.Negate(b.Add(b.Unary(UnaryOp.Softplus, x), b.Unary(UnaryOp.Softplus, b.Negate(x))));
            }

            var logG = LogG(mNode);
            var g = b.Exp(logG);
            var gPrevious = b.Conditional(b.Binary(BinaryOp.Greater, mNode, zero), b.Exp(LogG(previousIndex)), b.Constant(0));
            var logGNext = LogG(nextIndex);
            var gNext = b.Conditional(b.Binary(BinaryOp.Less, mNode, lastCut), b.Exp(logGNext), b.Constant(0));
            var logP = Families.OrdinalAndZeroInflated.OrderedLogisticLogDensity(b, mNode, args);
            var logPNext = Families.OrdinalAndZeroInflated.OrderedLogisticLogDensity(b, b.Add(mNode, one), args);
            var ratio = b.Exp(b.Subtract(logG, logP));          // gₘ/pₘ
            var ratioNext = b.Exp(b.Subtract(logG, logPNext));  // gₘ/pₘ₊₁
            var etaCut = b.Negate(b.Subtract(b.Multiply(b.Subtract(g, gPrevious), ratio), b.Multiply(b.Subtract(gNext, g), ratioNext)));
            var diagonal = b.Multiply(g, b.Add(ratio, ratioNext));
            var next = b.Negate(b.Multiply(gNext, ratioNext)); // −gₘ₊₁gₘ/pₘ₊₁ (0 past the last cut)
            return (etaCut, diagonal, next);
        }

        var entries = new List<MatrixEntry>();
        var jacobian = eta.DependsOnParameters ? ReverseMode.Gradient(b, eta, b.Constant(1)) : [];

        // F(η, η) = −Σₘ F(η, cₘ), summed over its own variable.
        int sumVariable = b.NewVariable("m", 0);
        b.SetCount(sumVariable, count);
        var etaEta = b.Multiply(weight, b.Negate(b.Reduce(ReductionKind.Sum, count, sumVariable, Pieces(sumVariable).Eta)));
        var rows = jacobian.Select(c => ReverseMode.RenameApart(b, c)).ToList();
        var columns = jacobian.Select(c => ReverseMode.RenameApart(b, c)).ToList();
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                Add(entries, Entry(b, order, row, column, b.Multiply(etaEta, b.Multiply(row.Adjoint, column.Adjoint))));
            }
        }

        if (!isParameter)
        {
            return entries;
        }

        // The cut rows: cₘ for m over the cuts (its own loop), cₘ₊₁ only where it exists (a guard on the column).
        int m = b.NewVariable("m", 0);
        b.SetCount(m, count);
        var mVariable = b.Variable(m);
        var (etaCut, diagonal, nextEntry) = Pieces(m);
        var cut = new GradientContribution(b.Param(member, ImmutableArray.Create(mVariable)), b.Constant(1));
        var cutNext = new GradientContribution(b.Param(member, ImmutableArray.Create(b.Add(mVariable, one))), b.Constant(1), b.Binary(BinaryOp.Less, mVariable, lastCut));
        Add(entries, Entry(b, order, cut, cut, b.Multiply(weight, diagonal)));
        Add(entries, Entry(b, order, cut, cutNext, b.Multiply(weight, nextEntry)));
        var weightedEtaCut = b.Multiply(weight, etaCut);
        foreach (var contribution in jacobian)
        {
            // Both orders: the planner keeps the one whose row block comes first in θ (Jᵀ F J is symmetric).
            var etaSide = ReverseMode.RenameApart(b, contribution);
            Add(entries, Entry(b, order, etaSide, cut, b.Multiply(weightedEtaCut, etaSide.Adjoint)));
            var etaSideAgain = ReverseMode.RenameApart(b, contribution);
            Add(entries, Entry(b, order, cut, etaSideAgain, b.Multiply(weightedEtaCut, etaSideAgain.Adjoint)));
        }

        return entries;
    }

    /// <summary>
    /// matrix[row, column] += value, or null for a pair whose row block follows its column block in θ (wholly below
    /// the diagonal: the matrices are symmetric and the evaluator mirrors the upper triangle).
    /// </summary>
    public static MatrixEntry? Entry(IrBuilder b, ParameterOrder order, GradientContribution row, GradientContribution column, Node value) =>
        order[row.Parameter.Member] > order[column.Parameter.Member]
            ? null
            : new MatrixEntry(row, column, value, Guards.And(b, row.Guard, column.Guard));

    public static void Add(List<MatrixEntry> entries, MatrixEntry? entry)
    {
        if (entry is not null)
        {
            entries.Add(entry);
        }
    }
}

/// <summary>The position of each <c>[Param]</c> member in θ's declaration order.</summary>
internal sealed class ParameterOrder
{
    private readonly Dictionary<string, int> _order = new(System.StringComparer.Ordinal);

    public ParameterOrder(Specs.ModelSpec spec)
    {
        foreach (var parameter in spec.Parameters)
        {
            _order[parameter.Name] = _order.Count;
        }
    }

    public int this[string member] => _order[member];
}
