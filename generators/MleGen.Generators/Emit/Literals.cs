using System.Globalization;

namespace MleGen.Generators.Emit;

/// <summary>Culture-invariant C# literals.</summary>
internal static class Literals
{
    /// <summary>A double literal that round-trips: <c>0.5d</c>, <c>-3d</c>, <c>double.NaN</c>.</summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        string text = value.ToString("R", NumberFormatInfo.InvariantInfo);
        return value < 0 ? "(" + text + "d)" : text + "d";
    }

    /// <summary>A number as text for people (descriptions, messages): round-trip, invariant, no suffix.</summary>
    public static string Plain(double value) => value.ToString("R", NumberFormatInfo.InvariantInfo);

    /// <summary>An int as text for people, invariant.</summary>
    public static string Plain(int value) => value.ToString(NumberFormatInfo.InvariantInfo);

    public static string Int(int value) => value < 0 ? "(" + value.ToString(NumberFormatInfo.InvariantInfo) + ")" : value.ToString(NumberFormatInfo.InvariantInfo);

    /// <summary>A C# string literal.</summary>
    public static string String(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
