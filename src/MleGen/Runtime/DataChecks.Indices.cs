using System.Globalization;

namespace MleGen;

/// <summary>Checks of the indices the model computes from data (<c>Mu[G[i]]</c>, <c>X[i + 1]</c>, <c>X[i, 1]</c>).</summary>
public static partial class DataChecks
{
    /// <summary>
    /// The exception for an index outside the member it reads. When the index comes from int data
    /// (<c>Mu[G[i]]</c>), that datum is blamed: <paramref name="member"/>[<paramref name="index"/>] =
    /// <paramref name="memberValue"/>; otherwise (<c>X[i + 1]</c>, <c>X[i, 1]</c>) the member read is named with index −1.
    /// </summary>
    /// <param name="member">The int data member the index comes from, or the member read.</param>
    /// <param name="index">The blamed element of <paramref name="member"/>, or −1.</param>
    /// <param name="memberValue">The blamed element's value (ignored for −1).</param>
    /// <param name="term">The likelihood method.</param>
    /// <param name="observation">The observation, or −1 when the index does not depend on it.</param>
    /// <param name="read">The read as written in the model: <c>Mu[G[i]]</c>.</param>
    /// <param name="indexed">The member read.</param>
    /// <param name="dimension">Which index of the read (0 for a vector; 0 = row, 1 = column of a matrix).</param>
    /// <param name="rank">1 for a vector, 2 for a matrix.</param>
    /// <param name="value">The index value.</param>
    /// <param name="length">The member's length in that dimension.</param>
    public static ModelDataException IndexOutside(string member, int index, double memberValue, string term, int observation, string read, string indexed, int dimension, int rank, int value, int length)
    {
        string where = rank == 1
            ? "reads " + indexed + "[" + Int(value) + "]"
            : "reads " + (dimension == 0 ? "row " : "column ") + Int(value) + " of " + indexed;
        string size = rank == 1
            ? Int(length) + (length == 1 ? " element" : " elements")
            : Int(length) + (dimension == 0 ? (length == 1 ? " row" : " rows") : (length == 1 ? " column" : " columns"));
        string message = read + " in " + term + At(observation) + " " + where + ", but " + indexed + " has " + size + ".";
        return index >= 0
            ? new ModelDataException(member, index, "is " + Format(memberValue) + ", used as an index: " + message)
            : new ModelDataException(member, -1, message);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
