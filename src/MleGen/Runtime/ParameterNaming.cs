using System;
using System.ComponentModel;
using System.Globalization;

namespace MleGen;

/// <summary>The names of a vector parameter's elements taken from a <c>string[]</c> member (<see cref="ParamAttribute.Names"/>); used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterNaming
{
    /// <summary>
    /// The name of element <paramref name="element"/> of the parameter <paramref name="parameter"/> (of
    /// <paramref name="length"/> elements): <paramref name="names"/>[<paramref name="element"/>].
    /// </summary>
    /// <exception cref="ModelDataException">The names are null, not as many as the elements, or this one is null or blank; the message names both members.</exception>
    public static string ElementName(string[]? names, string namesMember, string parameter, int length, int element)
    {
        if (names is null)
        {
            throw new ModelDataException(namesMember, -1, "is null, but it names the elements of the parameter " + parameter + ": assign " + Count(length) + ", one per element.");
        }

        if (names.Length != length)
        {
            throw new ModelDataException(namesMember, -1, "has " + Count(names.Length) + " but the parameter " + parameter + " that it names has " + length.ToString(CultureInfo.InvariantCulture) + " elements; give one name per element.");
        }

        string? name = names[element];
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ModelDataException(namesMember, element, "is " + (name is null ? "null" : "blank") + ", but it names " + parameter + "[" + element.ToString(CultureInfo.InvariantCulture) + "].");
        }

        return name;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " name" : " names");
}
