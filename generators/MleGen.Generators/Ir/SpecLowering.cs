using System.Collections.Generic;
using System.Collections.Immutable;
using MleGen.Generators.Common;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Ir;

/// <summary>
/// Turns <see cref="ExprSpec"/> trees into IR nodes. Identical spec subtrees under the same lambda
/// bindings lower to the same node (so a helper inlined twice, reductions included, is computed once).
/// </summary>
internal sealed class SpecLowering
{
    private readonly IrBuilder _builder;
    private readonly Dictionary<(ExprSpec Spec, string Scope), Node> _memo = new();

    private readonly Dictionary<ExprSpec, string> _names = new();

    public SpecLowering(IrBuilder builder) => _builder = builder;

    /// <summary>Lowering that names the nodes of the user's named subexpressions (<see cref="ModelSpec.Names"/>; the first name wins).</summary>
    public SpecLowering(IrBuilder builder, IEnumerable<NamedSpec> names)
        : this(builder)
    {
        foreach (var named in names)
        {
            if (!_names.ContainsKey(named.Value))
            {
                _names.Add(named.Value, named.Name);
            }
        }
    }

    /// <summary>Lowers <paramref name="spec"/> with no lambda variable bound.</summary>
    public Node Lower(ExprSpec spec) => Lower(spec, Scope.Empty);

    /// <summary>Lowers a lambda's body for a fresh variable, returning the variable and the body.</summary>
    public (int Variable, Node Body) LowerLambda(string name, ExprSpec body, Node count)
    {
        int variable = _builder.NewVariable(name, 0);
        _builder.SetCount(variable, count);
        return (variable, Lower(body, Scope.Empty.Bind(name, variable)));
    }

    private Node Lower(ExprSpec spec, Scope scope)
    {
        var key = (spec, scope.Signature);
        if (_memo.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var node = LowerCore(spec, scope);
        _memo[key] = node;
        if (_names.TryGetValue(spec, out var name))
        {
            _builder.Name(node, name);
        }

        return node;
    }

    private Node LowerCore(ExprSpec spec, Scope scope)
    {
        var b = _builder;
        switch (spec)
        {
            case ConstantSpec c:
                return c.Type switch
                {
                    ScalarType.Int => b.IntConstant((int)c.Value),
                    ScalarType.Bool => b.BoolConstant(c.Value != 0),
                    _ => b.Constant(c.Value),
                };
            case ObservationIndexSpec:
                return b.ObservationIndex();
            case VariableSpec v:
                // The parser binds every lambda variable it reads; one unbound here is an inconsistency, never a 0.
                return scope.TryGet(v.Name, out int lambda)
                    ? b.Variable(lambda)
                    : throw new InternalErrorException("the lambda variable '" + v.Name + "' is read outside its lambda");
            case DataReadSpec d:
                return b.Data(d.Member, d.Type, LowerAll(d.Indices, scope));
            case ParamReadSpec p:
                return b.Param(p.Member, LowerAll(p.Indices, scope));
            case LengthSpec l:
                return b.Length(l.Member, l.Dimension);
            case ConvertSpec c:
                return b.ToDouble(Lower(c.Operand, scope));
            case UnarySpec u:
                return b.Unary(u.Op, Lower(u.Operand, scope));
            case BinarySpec bin:
                return b.Binary(bin.Op, Lower(bin.Left, scope), Lower(bin.Right, scope));
            case ConditionalSpec c:
                return b.Conditional(Lower(c.Condition, scope), Lower(c.WhenTrue, scope), Lower(c.WhenFalse, scope));
            case ReductionSpec r:
            {
                var count = Lower(r.Count, scope);
                int bound = b.NewVariable(r.Variable, scope.Depth);
                b.SetCount(bound, count);
                var body = Lower(r.Body, scope.Bind(r.Variable, bound));
                return b.Reduce(r.Kind, count, bound, body);
            }
            case MemberVectorSpec or LambdaSpec:
                // Whole vectors and lambdas are family arguments only: ModelIr.LowerArguments hands them to the family
                // (LowerLambda for a lambda); as a value inside an expression they have none.
                throw new InternalErrorException("a family argument (" + spec.GetType().Name + ") inside an expression");
            default:
                throw new InternalErrorException("no lowering for " + spec.GetType().Name);
        }
    }

    private ImmutableArray<Node> LowerAll(IReadOnlyList<ExprSpec> specs, Scope scope)
    {
        var result = ImmutableArray.CreateBuilder<Node>(specs.Count);
        foreach (var s in specs)
        {
            result.Add(Lower(s, scope));
        }

        return result.MoveToImmutable();
    }

    /// <summary>The lambda names in scope, innermost last.</summary>
    private sealed class Scope
    {
        public static readonly Scope Empty = new(ImmutableArray<(string, int)>.Empty);

        private readonly ImmutableArray<(string Name, int Variable)> _bindings;

        private Scope(ImmutableArray<(string, int)> bindings)
        {
            _bindings = bindings;
            var text = new System.Text.StringBuilder();
            foreach (var (name, variable) in bindings)
            {
                text.Append(name).Append('=').Append(variable).Append(';');
            }

            Signature = text.ToString();
        }

        public string Signature { get; }

        public int Depth => _bindings.Length;

        public Scope Bind(string name, int variable) => new(_bindings.Add((name, variable)));

        public bool TryGet(string name, out int variable)
        {
            for (int k = _bindings.Length - 1; k >= 0; k--)
            {
                if (_bindings[k].Name == name)
                {
                    variable = _bindings[k].Variable;
                    return true;
                }
            }

            variable = -1;
            return false;
        }
    }
}
