using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// Prints an IR node as a C# expression: nodes already held in locals print as the local's name,
/// everything else inline. Members are reached through <see cref="MemberAccess"/>.
/// </summary>
internal sealed class ExpressionPrinter
{
    private readonly MemberAccess _members;
    private readonly IReadOnlyList<VariableInfo> _variables;

    public ExpressionPrinter(MemberAccess members, IReadOnlyList<VariableInfo> variables)
    {
        _members = members;
        _variables = variables;
    }

    /// <summary>A loop variable's name: the user's name (or <c>j</c>) and the variable's id, e.g. <c>__k3</c>.</summary>
    /// <summary>Names of loop variables re-bound by a nested loop over the same variable (see <see cref="BlockEmitter.OpenLoop"/>).</summary>
    public Dictionary<int, string> Aliases { get; } = new();

    public string VariableName(int variable)
    {
        if (Aliases.TryGetValue(variable, out var alias))
        {
            return alias;
        }

        string name = _variables[variable].DisplayName.TrimStart('_');
        if (name.Length == 0)
        {
            name = "j";
        }

        string id = variable.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
        return "__" + name + (char.IsDigit(name[name.Length - 1]) ? "_" : "") + id;
    }

    /// <summary>A data array as a whole (<c>d_Y</c>).</summary>
    public string DataArray(string member) => _members.DataArray(member);

    public string Print(Node node, IReadOnlyDictionary<Node, string> locals)
    {
        if (locals.TryGetValue(node, out var name))
        {
            return name;
        }

        string P(int k) => Print(node.Children[k], locals);

        switch (node.Kind)
        {
            case NodeKind.Constant:
                return node.Type switch
                {
                    ScalarType.Int => Literals.Int((int)node.Value),
                    ScalarType.Bool => node.Value != 0 ? "true" : "false",
                    _ => Literals.Double(node.Value),
                };
            case NodeKind.ObservationIndex:
                return "i";
            case NodeKind.Variable:
                return VariableName(node.Variable);
            case NodeKind.Data:
                return _members.Data(node, PrintIndices(node, locals));
            case NodeKind.Param:
                return _members.Parameter(node.Member, PrintIndices(node, locals));
            case NodeKind.Length:
                return _members.Length(node.Member, node.Dimension);
            case NodeKind.Convert:
                return node.Children[0].Type == ScalarType.Bool ? "(" + P(0) + " ? 1d : 0d)" : "(double)" + P(0);
            case NodeKind.Unary:
                return PrintUnary(node.UnaryOp, P(0));
            case NodeKind.Binary:
                return PrintBinary(node.BinaryOp, P(0), P(1));
            case NodeKind.Ternary:
                return Intrinsics.IntrinsicRegistry.Get(node.TernaryOp).Print(P(0), P(1), P(2));
            case NodeKind.Conditional:
                return "(" + P(0) + " ? " + P(1) + " : " + P(2) + ")";
            default:
                // Reductions are always computed into a local by the block emitter: one reaching here is a bug.
                throw new Common.InternalErrorException("a " + node.Kind + " node has no local to print");
        }
    }

    private string[] PrintIndices(Node node, IReadOnlyDictionary<Node, string> locals)
    {
        var indices = new string[node.Children.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            indices[k] = Print(node.Children[k], locals);
        }

        return indices;
    }

    private static string PrintUnary(UnaryOp op, string x) => Intrinsics.IntrinsicRegistry.Get(op).Print(x);

    private static string PrintBinary(BinaryOp op, string a, string b) => Intrinsics.IntrinsicRegistry.Get(op).Print(a, b);
}
