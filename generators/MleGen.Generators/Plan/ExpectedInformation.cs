using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Differentiation;
using MleGen.Generators.Families;
using MleGen.Generators.Ir;

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
