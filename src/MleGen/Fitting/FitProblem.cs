using System;
using System.Collections.Generic;
using System.Globalization;

namespace MleGen;

/// <summary>A model with its parameter metadata, start values and which parameters are held fixed: everything an optimization run needs.</summary>
internal sealed class FitProblem
{
    private FitProblem(IMleModel model, ParameterInfo[] infos, double[] start, bool[] isFixed, double kinkSmoothing = 0)
    {
        Model = model;
        Infos = infos;
        Start = start;
        IsFixed = isFixed;
        KinkSmoothing = kinkSmoothing;
    }

    public IMleModel Model { get; }

    public ParameterInfo[] Infos { get; }

    /// <summary>Start values on the natural scale (fixed parameters at their values).</summary>
    public double[] Start { get; }

    public bool[] IsFixed { get; }

    /// <summary>The ε the model's kinks are smoothed with in every evaluation of this problem (0: the model as written; see <see cref="IMleModel.HasKinks"/>).</summary>
    public double KinkSmoothing { get; }

    /// <summary>Reads the model's metadata, the start values (options or the model's members) and the fixed parameters.</summary>
    public static FitProblem Create(IMleModel model, FitOptions options)
    {
        int p = model.ParameterCount;
        var infos = new ParameterInfo[p];
        for (int i = 0; i < p; i++)
        {
            infos[i] = model.GetParameterInfo(i);
        }

        RequireDistinctNames(infos);

        double[] start = new double[p];
        if (options.Start is { } given)
        {
            if (given.Length != p)
            {
                throw new ArgumentException($"{nameof(FitOptions.Start)} has {given.Length} values; the model has {p} parameters.", nameof(options));
            }

            given.CopyTo(start, 0);
        }
        else
        {
            model.ReadParameters(start);
        }

        bool[] isFixed = new bool[p];
        if (options.Fixed is { } held)
        {
            foreach (KeyValuePair<string, double> pair in held)
            {
                int index = Array.FindIndex(infos, info => info.Name == pair.Key);
                if (index < 0)
                {
                    throw new ArgumentException($"{nameof(FitOptions.Fixed)}: the model has no parameter named '{pair.Key}'.", nameof(options));
                }

                ParameterInfo info = infos[index];
                if (!(pair.Value > info.Lower && pair.Value < info.Upper))
                {
                    // The bounds are exclusive (the transforms map onto the open interval): a value on or
                    // outside them is a parameter the model does not define (σ = −1: NaN log-likelihood).
                    throw new ArgumentOutOfRangeException(nameof(options), pair.Value, string.Create(CultureInfo.InvariantCulture,
                        $"{nameof(FitOptions.Fixed)}: {pair.Key} = {pair.Value} is outside its bounds ({info.Lower}, {info.Upper}) (exclusive)."));
                }

                isFixed[index] = true;
                start[index] = pair.Value;
            }
        }

        for (int i = 0; i < p; i++)
        {
            if (!double.IsFinite(start[i]))
            {
                throw new ArgumentException($"{infos[i].Name}: the start value {start[i]} is not finite.", nameof(options));
            }
        }

        return new FitProblem(model, infos, start, isFixed);
    }

    /// <summary>Throws when two parameters share a name (a <c>Names</c> member repeating a name or another parameter's): lookups by name would be ambiguous.</summary>
    private static void RequireDistinctNames(ParameterInfo[] infos)
    {
        var first = new Dictionary<string, int>(infos.Length, StringComparer.Ordinal);
        for (int i = 0; i < infos.Length; i++)
        {
            if (!first.TryAdd(infos[i].Name, i))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Parameters {first[infos[i].Name]} and {i} (in θ order) are both named '{infos[i].Name}': parameter names must be unique (check the Names member of a [Param])."));
            }
        }
    }

    /// <summary>The same model with one more parameter held at <paramref name="value"/>, starting from <paramref name="start"/>.</summary>
    public FitProblem WithFixed(int index, double value, ReadOnlySpan<double> start)
    {
        double[] s = start.ToArray();
        bool[] isFixed = (bool[])IsFixed.Clone();
        isFixed[index] = true;
        s[index] = value;
        return new FitProblem(Model, Infos, s, isFixed, KinkSmoothing);
    }

    /// <summary>The same parameters (fixed ones held) on <paramref name="model"/>, a wrapper of this problem's model, starting from <paramref name="start"/>.</summary>
    public FitProblem WithModel(IMleModel model, ReadOnlySpan<double> start)
    {
        double[] s = start.ToArray();
        for (int i = 0; i < s.Length; i++)
        {
            if (IsFixed[i])
            {
                s[i] = Start[i];
            }
        }

        return new FitProblem(model, Infos, s, IsFixed, KinkSmoothing);
    }

    /// <summary>The same problem started from <paramref name="start"/> (fixed parameters keep their values).</summary>
    public FitProblem WithStart(ReadOnlySpan<double> start)
    {
        double[] s = start.ToArray();
        for (int i = 0; i < s.Length; i++)
        {
            if (IsFixed[i])
            {
                s[i] = Start[i];
            }
        }

        return new FitProblem(Model, Infos, s, IsFixed, KinkSmoothing);
    }

    /// <summary>The same problem with the model's kinks smoothed by <paramref name="kinkSmoothing"/> in its evaluations.</summary>
    public FitProblem WithKinkSmoothing(double kinkSmoothing) => new(Model, Infos, Start, IsFixed, kinkSmoothing);

    /// <summary>k, the number of estimated parameters: a simplex of K members counts K − 1.</summary>
    public int FreeCount => new ParameterTransform(Infos, Start, IsFixed).FreeCount;
}
