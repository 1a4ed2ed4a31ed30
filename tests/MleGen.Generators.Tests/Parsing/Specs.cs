using MleGen.Generators.Common;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Tests.Parsing;

/// <summary>Short constructors of expected specs.</summary>
internal static class S
{
    public static readonly ExprSpec I = new ObservationIndexSpec();

    public static ExprSpec C(double value, ScalarType type = ScalarType.Double) => new ConstantSpec(value, type);

    public static ExprSpec V(string name) => new VariableSpec(name);

    public static ExprSpec D(string member, ScalarType type, params ExprSpec[] indices) => new DataReadSpec(member, EquatableArray.Create(indices), type);

    public static ExprSpec P(string member, params ExprSpec[] indices) => new ParamReadSpec(member, EquatableArray.Create(indices));

    public static ExprSpec Len(string member, int dimension = -1) => new LengthSpec(member, dimension);

    public static ExprSpec Cv(ExprSpec operand) => new ConvertSpec(operand);

    public static ExprSpec U(UnaryOp op, ExprSpec operand, ScalarType type = ScalarType.Double) => new UnarySpec(op, operand, type);

    public static ExprSpec B(BinaryOp op, ExprSpec left, ExprSpec right, ScalarType type = ScalarType.Double) => new BinarySpec(op, left, right, type);

    public static ExprSpec Add(ExprSpec left, ExprSpec right) => B(BinaryOp.Add, left, right);

    public static ExprSpec Mul(ExprSpec left, ExprSpec right) => B(BinaryOp.Multiply, left, right);

    public static ExprSpec Sum(ExprSpec count, string variable, ExprSpec body) => new ReductionSpec(ReductionKind.Sum, count, variable, body);

    public static EquatableArray<T> A<T>(params T[] items) where T : System.IEquatable<T> => EquatableArray.Create(items);

    public static ParamMemberSpec Param(string name, ParamShape shape = ParamShape.Scalar, double lower = double.NegativeInfinity, double upper = double.PositiveInfinity, bool simplex = false, params PriorSpec[] priors) =>
        new(name, shape, lower, upper, simplex, EquatableArray.Create(priors), name);
}
