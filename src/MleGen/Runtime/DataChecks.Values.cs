using System;
using System.Globalization;

namespace MleGen;

/// <summary>Checks of values computed from the data: weights, family arguments, data-only expressions.</summary>
public static partial class DataChecks
{
    /// <summary>How far mixing weights given as data may sum from 1 (as <see cref="NormalMixture"/>'s constructor allows).</summary>
    private const double WeightSumTolerance = 1e-9;

    /// <summary>Throws at the first negative weight (NaN and ±∞ are caught by <see cref="RequireFinite(double[], string)"/>).</summary>
    public static void RequireNonNegativeWeights(double[] weights, string member)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] < 0)
            {
                throw new ModelDataException(member, i, "is " + Format(weights[i]) + "; observation weights must be non-negative (a weight multiplies the observation's log-likelihood: a negative one rewards a worse fit).");
            }
        }
    }

    /// <summary>True when <paramref name="value"/> is in <paramref name="domain"/> (for <see cref="ArgumentDomain.ProbabilityVector"/>: one element).</summary>
    public static bool IsIn(double value, ArgumentDomain domain) => domain switch
    {
        ArgumentDomain.Finite => double.IsFinite(value),
        ArgumentDomain.Positive => value > 0 && double.IsFinite(value),
        ArgumentDomain.PositiveOrInfinity => value > 0,
        ArgumentDomain.NonNegative or ArgumentDomain.ProbabilityVector => value >= 0 && double.IsFinite(value),
        ArgumentDomain.Probability => value >= 0 && value <= 1,
        ArgumentDomain.AtLeastOne => value >= 1 && double.IsFinite(value),
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };

    /// <summary>The requirement of <paramref name="domain"/> in words: "positive and finite".</summary>
    public static string Describe(ArgumentDomain domain) => domain switch
    {
        ArgumentDomain.Finite => "finite",
        ArgumentDomain.Positive => "positive and finite",
        ArgumentDomain.PositiveOrInfinity => "positive",
        ArgumentDomain.NonNegative => "non-negative and finite",
        ArgumentDomain.Probability => "a probability in [0, 1]",
        ArgumentDomain.AtLeastOne => "at least 1",
        ArgumentDomain.ProbabilityVector => "non-negative, finite and summing to 1",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };

    /// <summary>Throws at the first element of a data vector passed whole as a family argument (a mixture's weights or sds) outside <paramref name="domain"/>.</summary>
    public static void RequireDomain(double[] values, string member, ArgumentDomain domain, string family, string argument)
    {
        double sum = 0;
        for (int k = 0; k < values.Length; k++)
        {
            if (!IsIn(values[k], domain))
            {
                throw new ModelDataException(member, k, "is " + Format(values[k]) + ", but the " + argument + " of " + family + " must be " + Describe(domain) + ".");
            }

            sum += values[k];
        }

        if (domain == ArgumentDomain.ProbabilityVector && !(Math.Abs(sum - 1) <= WeightSumTolerance))
        {
            throw new ModelDataException(member, -1, "sums to " + Format(sum) + ", but the " + argument + " of " + family + " must sum to 1.");
        }
    }

    /// <summary>
    /// The exception for a family argument computed from data alone that is outside its domain: an sd of −1
    /// in the data is reported as that, at its observation, before any evaluation.
    /// </summary>
    /// <param name="member">The data member to blame (the first one the argument reads), or the observed member.</param>
    /// <param name="index">Its element, or −1.</param>
    /// <param name="term">The likelihood method.</param>
    /// <param name="observation">The observation, or −1 when the argument does not depend on it.</param>
    /// <param name="family">The family.</param>
    /// <param name="argument">The argument's name.</param>
    /// <param name="domain">What the argument must be.</param>
    /// <param name="expression">The argument as written in the model.</param>
    /// <param name="value">Its value.</param>
    /// <param name="reads">The data it reads, from <see cref="Reads"/>.</param>
    public static ModelDataException ArgumentOutside(string member, int index, string term, int observation, string family, string argument, ArgumentDomain domain, string expression, double value, string reads) =>
        new(member, index, "the " + argument + " of " + family + " in " + term + At(observation) + " is " + expression + " = " + Format(value) + With(reads)
            + ", but it must be " + Describe(domain) + ".");

    /// <summary>
    /// The exception for an expression of data alone that is NaN or ±∞ (<c>Math.Log</c> of a non-positive
    /// datum, a division by a zero datum): the log-likelihood is undefined for these data at every θ.
    /// </summary>
    public static ModelDataException NotFinite(string member, int index, string term, int observation, string expression, double value, string reads) =>
        new(member, index, expression + " in " + term + At(observation) + " is " + Format(value) + With(reads)
            + ": the log-likelihood is undefined for these data.");

    /// <summary>The exception for a likelihood term whose data-only part (log y!, log C(n, y), −log sd, …) is not finite; locates the observation with <paramref name="part"/> (called only on this failure path).</summary>
    /// <param name="term">The likelihood method.</param>
    /// <param name="observed">Its observed member.</param>
    /// <param name="count">Its number of observations.</param>
    /// <param name="total">The non-finite sum.</param>
    /// <param name="part">The data-only part over observations [start, end).</param>
    public static ModelDataException UndefinedConstant(string term, string observed, int count, double total, Func<int, int, double> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        for (int i = 0; i < count; i++)
        {
            double value = part(i, i + 1);
            if (!double.IsFinite(value))
            {
                return new ModelDataException(observed, i, "the part of " + term + "'s log-likelihood that depends on the data alone is " + Format(-value) + " at this observation: the log-likelihood is undefined for these data.");
            }
        }

        return new ModelDataException(observed, -1, "the part of " + term + "'s log-likelihood that depends on the data alone sums to " + Format(-total) + " (each observation's is finite: the sum overflows).");
    }

    /// <summary>True when every value is finite (generated code re-checks the data when a result is not).</summary>
    public static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Exposure[3] = 0", for the messages.</summary>
    public static string Element(string member, int index, double value) =>
        member + "[" + index.ToString(CultureInfo.InvariantCulture) + "] = " + Format(value);

    /// <summary>"X[3, 1] = 0", for the messages.</summary>
    public static string Element(string member, int row, int column, double value) =>
        member + "[" + row.ToString(CultureInfo.InvariantCulture) + ", " + column.ToString(CultureInfo.InvariantCulture) + "] = " + Format(value);

    /// <summary>"Scale = 0", for the messages.</summary>
    public static string Element(string member, double value) => member + " = " + Format(value);

    /// <summary>The data an expression reads, joined for a message.</summary>
    public static string Reads(params string[] reads) => string.Join(", ", reads);

    private static string At(int observation) =>
        observation >= 0 ? " at observation " + observation.ToString(CultureInfo.InvariantCulture) : "";

    private static string With(string reads) => reads.Length > 0 ? " (" + reads + ")" : "";
}
