using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Ir;

/// <summary>
/// Creates IR nodes. Every node is interned by its structure, so building the same expression twice
/// yields the same node (common-subexpression elimination); the arithmetic helpers in
/// <c>IrBuilder.Arithmetic.cs</c> fold constants and drop identities.
/// </summary>
internal sealed partial class IrBuilder
{
    private readonly Dictionary<string, Node> _interned = new(StringComparer.Ordinal);
    private readonly List<VariableInfo> _variables = new();

    private readonly Dictionary<Node, string> _names = new();

    /// <summary>Records the user's name for <paramref name="node"/> (a helper's or a local's), unless it has one already.</summary>
    public void Name(Node node, string name)
    {
        if (!node.IsLeaf && !_names.ContainsKey(node))
        {
            _names.Add(node, name);
        }
    }

    /// <summary>The user's name for <paramref name="node"/>, if it has one.</summary>
    public bool TryGetName(Node node, out string name) => _names.TryGetValue(node, out name!);

    /// <summary>The lambda variables created so far, by id.</summary>
    public IReadOnlyList<VariableInfo> Variables => _variables;

    /// <summary>True when more lambda variables were needed than <see cref="VariableSet.Capacity"/>.</summary>
    public bool TooManyVariables { get; private set; }

    public Node Constant(double value) => Intern(NodeKind.Constant, ScalarType.Double, ImmutableArray<Node>.Empty, value: value);

    public Node IntConstant(int value) => Intern(NodeKind.Constant, ScalarType.Int, ImmutableArray<Node>.Empty, value: value);

    public Node BoolConstant(bool value) => Intern(NodeKind.Constant, ScalarType.Bool, ImmutableArray<Node>.Empty, value: value ? 1 : 0);

    public Node ObservationIndex() => Intern(NodeKind.ObservationIndex, ScalarType.Int, ImmutableArray<Node>.Empty);

    /// <summary>Declares a new lambda variable ranging over 0 … count−1, nested <paramref name="depth"/> reductions deep.</summary>
    public int NewVariable(string displayName, int depth)
    {
        int id = _variables.Count;
        if (id >= VariableSet.Capacity)
        {
            TooManyVariables = true;
            id = VariableSet.Capacity - 1;
            return id;
        }

        _variables.Add(new VariableInfo(id, displayName, depth));
        return id;
    }

    public Node Variable(int variable) => Intern(NodeKind.Variable, ScalarType.Int, ImmutableArray<Node>.Empty, variable: variable);

    public Node Data(string member, ScalarType type, ImmutableArray<Node> indices) => Intern(NodeKind.Data, type, indices, member: member);

    public Node Param(string member, ImmutableArray<Node> indices) => Intern(NodeKind.Param, ScalarType.Double, indices, member: member);

    /// <summary>A three-argument intrinsic of doubles (never folded: its arguments are never all constant in a model).</summary>
    public Node Ternary(TernaryOp op, Node a, Node b, Node c) =>
        Intern(NodeKind.Ternary, ScalarType.Double, ImmutableArray.Create(ToDouble(a), ToDouble(b), ToDouble(c)), ternaryOp: op);

    public Node Length(string member, int dimension) => Intern(NodeKind.Length, ScalarType.Int, ImmutableArray<Node>.Empty, member: member, dimension: dimension);

    /// <summary>Records the count of a lambda variable before its reduction's body is built.</summary>
    public void SetCount(int variable, Node count) => _variables[variable] = _variables[variable] with { Count = count };

    /// <summary>A reduction binding <paramref name="variable"/> over 0 … count−1. Records the variable's count.</summary>
    public Node Reduce(ReductionKind kind, Node count, int variable, Node body)
    {
        SetCount(variable, count);
        return Intern(NodeKind.Reduce, ScalarType.Double, ImmutableArray.Create(count, ToDouble(body)), variable: variable, reduction: kind);
    }

    /// <summary>The count of a lambda variable (set when its reduction is built).</summary>
    public Node CountOf(int variable) => _variables[variable].Count ?? IntConstant(0);

    private Node Intern(NodeKind kind, ScalarType type, ImmutableArray<Node> children, double value = 0, string member = "", int dimension = 0, int variable = -1, UnaryOp unaryOp = default, BinaryOp binaryOp = default, ReductionKind reduction = default, TernaryOp ternaryOp = default)
    {
        var key = new StringBuilder();
        key.Append((int)kind).Append('|').Append((int)type).Append('|')
            .Append(BitConverter.DoubleToInt64Bits(value)).Append('|').Append(member).Append('|')
            .Append(dimension).Append('|').Append(variable).Append('|').Append((int)unaryOp).Append('|')
            .Append((int)binaryOp).Append('|').Append((int)reduction);
        if (kind == NodeKind.Ternary)
        {
            key.Append('|').Append((int)ternaryOp);
        }

        foreach (var child in children)
        {
            key.Append('|').Append(child.Id);
        }

        string text = key.ToString();
        if (_interned.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var free = VariableSet.Empty;
        bool dependsOnParameters = kind == NodeKind.Param;
        bool dependsOnObservation = kind == NodeKind.ObservationIndex;
        foreach (var child in children)
        {
            free = free.Union(child.FreeVariables);
            dependsOnParameters |= child.DependsOnParameters;
            dependsOnObservation |= child.DependsOnObservation;
        }

        if (kind == NodeKind.Variable)
        {
            free = VariableSet.Of(variable);
        }
        else if (kind == NodeKind.Reduce)
        {
            free = free.Without(variable);
        }

        var node = new Node(_interned.Count, kind, type, children, value, member, dimension, variable, unaryOp, binaryOp, ternaryOp, reduction, free, dependsOnParameters, dependsOnObservation);
        _interned.Add(text, node);
        return node;
    }
}

/// <summary>A lambda variable: its id, the user's name for it, its nesting depth and its count.</summary>
internal sealed record VariableInfo(int Id, string DisplayName, int Depth)
{
    public Node? Count { get; init; }
}
