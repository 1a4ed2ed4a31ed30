using System.Collections.Immutable;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Ir;

/// <summary>
/// One node of the immutable expression DAG. Nodes are created only by <see cref="IrBuilder"/>, which
/// interns them (structurally equal nodes are the same object: common-subexpression elimination) and
/// folds constants. A node's <see cref="Id"/> is larger than its children's, so ascending ids are a
/// topological order.
/// </summary>
internal sealed class Node
{
    internal Node(int id, NodeKind kind, ScalarType type, ImmutableArray<Node> children, double value, string member, int dimension, int variable, UnaryOp unaryOp, BinaryOp binaryOp, TernaryOp ternaryOp, ReductionKind reduction, VariableSet freeVariables, bool dependsOnParameters, bool dependsOnObservation)
    {
        Id = id;
        Kind = kind;
        Type = type;
        Children = children;
        Value = value;
        Member = member;
        Dimension = dimension;
        Variable = variable;
        UnaryOp = unaryOp;
        BinaryOp = binaryOp;
        TernaryOp = ternaryOp;
        Reduction = reduction;
        FreeVariables = freeVariables;
        DependsOnParameters = dependsOnParameters;
        DependsOnObservation = dependsOnObservation;
    }

    public int Id { get; }

    public NodeKind Kind { get; }

    public ScalarType Type { get; }

    public ImmutableArray<Node> Children { get; }

    /// <summary>The value of a <see cref="NodeKind.Constant"/>.</summary>
    public double Value { get; }

    /// <summary>The member of a data, parameter or length node; empty otherwise.</summary>
    public string Member { get; }

    /// <summary>The dimension of a <see cref="NodeKind.Length"/> node.</summary>
    public int Dimension { get; }

    /// <summary>The variable of a <see cref="NodeKind.Variable"/> node, or the one a <see cref="NodeKind.Reduce"/> binds.</summary>
    public int Variable { get; }

    public UnaryOp UnaryOp { get; }

    public BinaryOp BinaryOp { get; }

    public TernaryOp TernaryOp { get; }

    public ReductionKind Reduction { get; }

    /// <summary>The lambda variables this node reads without binding them.</summary>
    public VariableSet FreeVariables { get; }

    /// <summary>True when the node's value depends on θ (so it has a derivative).</summary>
    public bool DependsOnParameters { get; }

    /// <summary>True when the node's value depends on the observation index.</summary>
    public bool DependsOnObservation { get; }

    public bool IsConstant => Kind == NodeKind.Constant;

    public bool IsConstantValue(double value) => Kind == NodeKind.Constant && Value == value;

    /// <summary>Leaves are printed inline wherever they are used.</summary>
    public bool IsLeaf => Kind is NodeKind.Constant or NodeKind.ObservationIndex or NodeKind.Variable or NodeKind.Length
        || (Kind is NodeKind.Data or NodeKind.Param && Children.IsEmpty);

    public Node Count => Children[0];

    public Node Body => Children[1];

    public override string ToString() => $"#{Id} {Kind} {(Kind == NodeKind.Unary ? UnaryOp.ToString() : Kind == NodeKind.Binary ? BinaryOp.ToString() : Kind == NodeKind.Ternary ? TernaryOp.ToString() : Member)}";
}
