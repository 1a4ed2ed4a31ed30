namespace MleGen.Generators.Emit.Vector;

/// <summary>One vector width of the generated kernels: 4 doubles (<c>Vector256</c>) or 8 (<c>Vector512</c>).</summary>
internal sealed class VectorWidth
{
    private VectorWidth(int lanes, string name)
    {
        Lanes = lanes;
        Static = "global::System.Runtime.Intrinsics." + name;
        Type = Static + "<double>";
    }

    public static VectorWidth V4 { get; } = new(4, "Vector256");

    public static VectorWidth V8 { get; } = new(8, "Vector512");

    public static VectorWidth[] All { get; } = { V4, V8 };

    /// <summary>Doubles per vector.</summary>
    public int Lanes { get; }

    /// <summary>The vector type, e.g. <c>global::System.Runtime.Intrinsics.Vector256&lt;double&gt;</c>.</summary>
    public string Type { get; }

    /// <summary>The static class of the vector operations, e.g. <c>global::System.Runtime.Intrinsics.Vector256</c>.</summary>
    public string Static { get; }

    public string LanesText => Lanes.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);

    /// <summary>
    /// The declaration of a stack array of <paramref name="count"/> vectors on vector-size boundaries
    /// (<c>VectorKernels.Aligned4/8</c> over a stackalloc of doubles).
    /// </summary>
    public string AlignedStackArray(string name, int count)
    {
        string size = (count * Lanes + Lanes - 1).ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
        return "global::System.Span<" + Type + "> " + name + " = global::MleGen.VectorKernels.Aligned" + LanesText + "(stackalloc double[" + size + "], "
            + count.ToString(System.Globalization.NumberFormatInfo.InvariantInfo) + ");";
    }

    /// <summary>As <see cref="AlignedStackArray(string, int)"/>, of <paramref name="count"/> vectors given by a C# int expression (at most a few dozen: the caller bounds it).</summary>
    public string AlignedStackArray(string name, string count) =>
        "global::System.Span<" + Type + "> " + name + " = global::MleGen.VectorKernels.Aligned" + LanesText + "(stackalloc double[(" + count + ") * " + LanesText + " + "
        + (Lanes - 1).ToString(System.Globalization.NumberFormatInfo.InvariantInfo) + "], " + count + ");";

    /// <summary>A broadcast of a scalar double expression.</summary>
    public string Broadcast(string scalar) => Static + ".Create(" + scalar + ")";
}
