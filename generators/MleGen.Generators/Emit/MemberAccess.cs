using System.Collections.Generic;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// How generated code reaches the model's members: data through <c>this.</c>, parameters through
/// locals read from θ at the top of each method (<c>p_Sigma</c>, the span <c>p_Beta</c>).
/// </summary>
internal sealed class MemberAccess
{
    private readonly Dictionary<string, ParamMemberSpec> _parameters = new(System.StringComparer.Ordinal);
    private readonly bool _parameterViews;

    /// <param name="model">The model.</param>
    /// <param name="parameterViews">True in methods that declare the parameter views (<c>p_Beta</c>): a vector parameter's length is then read from its span, so loops bounded by it index the span without bounds checks.</param>
    public MemberAccess(ModelSpec model, bool parameterViews = true)
    {
        _parameterViews = parameterViews;
        foreach (var p in model.Parameters)
        {
            _parameters[p.Name] = p;
        }
    }

    public static string ParameterLocal(string member) => "p_" + member;

    public static string GradientLocal(string member) => "g_" + member;

    public static string ColumnsLocal(string member) => "cols_" + member;

    public static string OffsetLocal(string member) => "o_" + member;

    public string Data(string member, string[] indices) =>
        indices.Length == 0 ? "this." + member : "this." + member + "[" + string.Join(", ", indices) + "]";

    public string Parameter(string member, string[] indices) => ParameterLocal(member) + FlatIndex(member, indices);

    /// <summary>The gradient slot of a parameter read: a local for a scalar, a span element otherwise.</summary>
    public string Gradient(string member, string[] indices) => GradientLocal(member) + FlatIndex(member, indices);

    /// <summary>The position in θ of a parameter read: <c>o_Sigma</c>, <c>o_Beta + j</c>, <c>o_W + r * cols_W + c</c>.</summary>
    public string FlatOffset(Ir.Node read, System.Func<Ir.Node, string> print)
    {
        string offset = OffsetLocal(read.Member);
        if (!_parameters.TryGetValue(read.Member, out var p) || p.Shape == ParamShape.Scalar || read.Children.Length == 0)
        {
            return offset;
        }

        return p.Shape == ParamShape.Vector
            ? offset + " + " + print(read.Children[0])
            : offset + " + " + print(read.Children[0]) + " * " + ColumnsLocal(read.Member) + " + " + print(read.Children[1]);
    }

    public string Length(string member, int dimension)
    {
        if (_parameterViews && dimension < 0 && _parameters.TryGetValue(member, out var p) && p.Shape == ParamShape.Vector)
        {
            return ParameterLocal(member) + ".Length";
        }

        return dimension < 0 ? "this." + member + ".Length" : "this." + member + ".GetLength(" + Literals.Int(dimension) + ")";
    }

    private string FlatIndex(string member, string[] indices)
    {
        if (!_parameters.TryGetValue(member, out var p) || p.Shape == ParamShape.Scalar || indices.Length == 0)
        {
            return "";
        }

        return p.Shape == ParamShape.Vector
            ? "[" + indices[0] + "]"
            : "[" + indices[0] + " * " + ColumnsLocal(member) + " + " + indices[1] + "]";
    }
}
