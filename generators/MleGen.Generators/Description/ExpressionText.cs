using System.Linq;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Description;

/// <summary>
/// Prints a parsed expression back as model-language text for the model's description (<c>Intercept +
/// Dot(Beta, X, i)</c>): helpers appear inlined, parameters under their members' names.
/// </summary>
internal static class ExpressionText
{
    public static string Print(ExprSpec e) => Print(e, 0);

    private static string Print(ExprSpec e, int parentPrecedence)
    {
        string text;
        int precedence;
        switch (e)
        {
            case ConstantSpec c:
                return c.Type == ScalarType.Bool ? (c.Value != 0 ? "true" : "false") : Emit.Literals.Plain(c.Value);
            case ObservationIndexSpec:
                return "i";
            case VariableSpec v:
                return v.Name.StartsWith("__j", System.StringComparison.Ordinal) ? "j" : v.Name;
            case DataReadSpec d:
                return d.Member + Indices(d.Indices);
            case ParamReadSpec p:
                return p.Member + Indices(p.Indices);
            case LengthSpec l:
                return l.Dimension < 0 ? l.Member + ".Length" : l.Member + ".GetLength(" + Emit.Literals.Plain(l.Dimension) + ")";
            case MemberVectorSpec m:
                return m.Member;
            case ConvertSpec convert:
                return Print(convert.Operand, parentPrecedence);
            case ReductionSpec { Kind: ReductionKind.Sum, Body: BinarySpec { Op: BinaryOp.Multiply, Left: ParamReadSpec { Indices.Count: 1 } b, Right: DataReadSpec { Indices.Count: 2 } x } } dot
                when x.Indices[1] is VariableSpec j && j.Name == dot.Variable && b.Indices[0] is VariableSpec k && k.Name == dot.Variable
                    && dot.Count is LengthSpec { Dimension: -1 } length && length.Member == b.Member:
                return "Dot(" + b.Member + ", " + x.Member + ", " + Print(x.Indices[0]) + ")";
            case ReductionSpec { Kind: ReductionKind.Sum, Body: BinarySpec { Op: BinaryOp.Multiply, Left: ParamReadSpec or DataReadSpec, Right: ParamReadSpec or DataReadSpec } body } dot
                when Member(body.Left, dot.Variable) is { } a && Member(body.Right, dot.Variable) is { } b2 && dot.Count is LengthSpec { Dimension: -1 } length && length.Member == a:
                return "Dot(" + a + ", " + b2 + ")";
            case ReductionSpec reduction:
                return (reduction.Kind == ReductionKind.Sum ? "Sum(" : "LogSumExp(") + Print(reduction.Count) + ", " + Variable(reduction.Variable) + " => " + Print(reduction.Body) + ")";
            case LambdaSpec lambda:
                return Variable(lambda.Variable) + " => " + Print(lambda.Body);
            case UnarySpec { Op: UnaryOp.Negate } negate:
                text = "-" + Print(negate.Operand, 3);
                precedence = 3;
                break;
            case UnarySpec { Op: UnaryOp.Not } not:
                text = "!" + Print(not.Operand, 3);
                precedence = 3;
                break;
            case UnarySpec unary:
                return Function(unary.Op) + "(" + Print(unary.Operand) + ")";
            case BinarySpec { Op: BinaryOp.Pow } pow:
                return "Math.Pow(" + Print(pow.Left) + ", " + Print(pow.Right) + ")";
            case BinarySpec { Op: BinaryOp.LogSumExp } lse:
                return "LogSumExp(" + Print(lse.Left) + ", " + Print(lse.Right) + ")";
            case BinarySpec binary:
                (string op, precedence) = Operator(binary.Op);
                // Left-associative: a right operand of equal precedence needs parentheses (a - (b - c)).
                text = Print(binary.Left, precedence) + " " + op + " " + Print(binary.Right, precedence + 1);
                break;
            case ConditionalSpec conditional:
                text = Print(conditional.Condition, 1) + " ? " + Print(conditional.WhenTrue, 1) + " : " + Print(conditional.WhenFalse, 1);
                precedence = 0;
                break;
            default:
                return "?";
        }

        return precedence < parentPrecedence ? "(" + text + ")" : text;
    }

    /// <summary>The member of a read <c>member[variable]</c>, or null.</summary>
    private static string? Member(ExprSpec e, string variable) => e switch
    {
        ParamReadSpec { Indices.Count: 1 } p when p.Indices[0] is VariableSpec v && v.Name == variable => p.Member,
        DataReadSpec { Indices.Count: 1 } d when d.Indices[0] is VariableSpec v && v.Name == variable => d.Member,
        _ => null,
    };

    private static string Variable(string name) => name.StartsWith("__j", System.StringComparison.Ordinal) ? "j" : name;

    private static string Indices(Common.EquatableArray<ExprSpec> indices) =>
        indices.Count == 0 ? string.Empty : "[" + string.Join(", ", indices.Select(i => Print(i))) + "]";

    private static (string Op, int Precedence) Operator(BinaryOp op) => op switch
    {
        BinaryOp.Or => ("||", 1),
        BinaryOp.And => ("&&", 1),
        BinaryOp.Equal => ("==", 1),
        BinaryOp.NotEqual => ("!=", 1),
        BinaryOp.Less => ("<", 1),
        BinaryOp.LessOrEqual => ("<=", 1),
        BinaryOp.Greater => (">", 1),
        BinaryOp.GreaterOrEqual => (">=", 1),
        BinaryOp.Add => ("+", 2),
        BinaryOp.Subtract => ("-", 2),
        BinaryOp.Multiply => ("*", 3),
        BinaryOp.Divide => ("/", 3),
        BinaryOp.Modulo => ("%", 3),
        _ => (op.ToString(), 3),
    };

    private static string Function(UnaryOp op) => op switch
    {
        UnaryOp.Exp => "Math.Exp",
        UnaryOp.Log => "Math.Log",
        UnaryOp.Sqrt => "Math.Sqrt",
        UnaryOp.Tanh => "Math.Tanh",
        UnaryOp.Sin => "Math.Sin",
        UnaryOp.Cos => "Math.Cos",
        UnaryOp.Abs => "Math.Abs",
        _ => op.ToString(),
    };
}
