using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace MleGen.Tests.EndToEnd;

/// <summary>
/// Builds a fresh copy of a model holding a single observation: every <c>[Data]</c> array whose first dimension is
/// one of the given lengths keeps only the row at the given index; everything else ([Param] values, scalar data,
/// other arrays) is copied. Used to get per-observation scores from the generated gradient of a 1-observation model.
/// </summary>
internal static class ObservationSlicer
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static T Slice<T>(T model, IReadOnlyDictionary<int, int> rowByLength, Action<T>? adjust = null)
        where T : class, IMleModel
    {
        var copy = (T)Activator.CreateInstance(model.GetType())!;
        foreach (var field in model.GetType().GetFields(Members))
        {
            if (field.IsDefined(typeof(ParamAttribute)))
            {
                field.SetValue(copy, CloneArray(field.GetValue(model)));
            }
            else if (field.IsDefined(typeof(DataAttribute)))
            {
                field.SetValue(copy, SliceValue(field.GetValue(model), rowByLength));
            }
        }

        foreach (var property in model.GetType().GetProperties(Members).Where(p => p.IsDefined(typeof(DataAttribute))))
        {
            property.SetValue(copy, SliceValue(property.GetValue(model), rowByLength));
        }

        adjust?.Invoke(copy);
        return copy;
    }

    private static object? CloneArray(object? value) => value is Array a ? a.Clone() : value;

    private static object? SliceValue(object? value, IReadOnlyDictionary<int, int> rowByLength)
    {
        switch (value)
        {
            case double[,] m when rowByLength.TryGetValue(m.GetLength(0), out int row):
            {
                var one = new double[1, m.GetLength(1)];
                for (int c = 0; c < m.GetLength(1); c++)
                {
                    one[0, c] = m[row, c];
                }

                return one;
            }

            case Array a when a.Rank == 1 && rowByLength.TryGetValue(a.Length, out int index):
            {
                var one = Array.CreateInstance(a.GetType().GetElementType()!, 1);
                one.SetValue(a.GetValue(index), 0);
                return one;
            }

            default:
                return CloneArray(value);
        }
    }
}
