using System.Collections.Generic;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// How generated code reaches the model's members: data through <c>this.</c> or, in the evaluation
/// kernels, through locals read once per call (<c>d_X</c>, and the row view <c>r_X</c> of a matrix read
/// as <c>X[i, ·]</c>); parameters through locals read from θ at the top of each method (<c>p_Sigma</c>,
/// the span <c>p_Beta</c>).
/// </summary>
internal sealed class MemberAccess
{
    private readonly Dictionary<string, ParamMemberSpec> _parameters = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, int> _parameterOrder = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, DataMemberSpec> _data = new(System.StringComparer.Ordinal);
    private readonly bool _parameterViews;

    /// <param name="model">The model.</param>
    /// <param name="parameterViews">True in methods that declare the parameter views (<c>p_Beta</c>): a vector parameter's length is then read from its span, so loops bounded by it index the span without bounds checks.</param>
    /// <param name="dataLocals">True in methods that declare the data locals of <see cref="DataPreamble"/>: a field read once beats a reload after every store in a hot loop.</param>
    public MemberAccess(ModelSpec model, bool parameterViews = true, bool dataLocals = false)
    {
        _parameterViews = parameterViews;
        DataLocals = dataLocals;
        foreach (var d in model.Data)
        {
            _data[d.Name] = d;
        }

        // The model's kink smoothing ε is read like scalar data (once per kernel, into a local).
        _data[Families.FamilyTable.KinkSmoothingField] = new DataMemberSpec(Families.FamilyTable.KinkSmoothingField, DataKind.Double);

        foreach (var p in model.Parameters)
        {
            _parameterOrder[p.Name] = _parameters.Count;
            _parameters[p.Name] = p;
        }
    }

    /// <summary>The position of a parameter member in declaration order (the order of its block in θ).</summary>
    public int ParameterOrder(string member) => _parameterOrder[member];

    public static string ParameterLocal(string member) => "p_" + member;

    public static string GradientLocal(string member) => "g_" + member;

    public static string ColumnsLocal(string member) => "cols_" + member;

    public static string OffsetLocal(string member) => "o_" + member;

    public static string DataLocal(string member) => "d_" + member;

    public static string RowLocal(string member) => "r_" + member;

    /// <summary>True when data is read through the locals of <see cref="DataPreamble"/>.</summary>
    public bool DataLocals { get; }

    /// <summary>True for a read <c>X[i, e]</c> of a data matrix in the current observation's row.</summary>
    public static bool IsRowRead(Ir.Node read) =>
        read.Kind == Ir.NodeKind.Data && read.Children.Length == 2 && read.Children[0].Kind == Ir.NodeKind.ObservationIndex;

    public bool IsData(string member) => _data.ContainsKey(member);

    /// <summary>The C# type of a data member.</summary>
    public string DataType(string member) => _data[member].Kind switch
    {
        DataKind.Double => "double",
        DataKind.Int => "int",
        DataKind.DoubleArray => "double[]",
        DataKind.IntArray => "int[]",
        DataKind.BoolArray => "bool[]",
        _ => "double[,]",
    };

    public string Data(Ir.Node read, string[] indices)
    {
        if (DataLocals && IsRowRead(read))
        {
            return RowLocal(read.Member) + "[" + indices[1] + "]";
        }

        string member = DataMember(read.Member);
        return indices.Length == 0 ? member : member + "[" + string.Join(", ", indices) + "]";
    }

    private string DataMember(string member) => DataLocals && _data.ContainsKey(member) ? DataLocal(member) : "this." + Identifiers.Escape(member);

    /// <summary>A data array as a whole: <c>d_Y</c> in a kernel with data locals, <c>this.Y</c> elsewhere.</summary>
    public string DataArray(string member) => DataMember(member);

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

        string access = DataMember(member);
        return dimension < 0 ? access + ".Length" : access + ".GetLength(" + Literals.Int(dimension) + ")";
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
