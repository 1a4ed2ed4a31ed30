using System;

namespace MleGen;

/// <summary>
/// A compiled statistical model: the negative log-likelihood (NLL) of its data as a function of the
/// flat parameter vector θ, with its exact gradient. Implemented by the code MleGen generates for a
/// <see cref="ModelAttribute"/> class; advanced users can hand it to their own optimizer.
/// </summary>
/// <remarks>
/// θ is on the natural scale, in declaration order of the <see cref="ParamAttribute"/> members,
/// vectors by index and matrices row-major. The likelihood members never include priors.
/// </remarks>
public interface IMleModel
{
    /// <summary>The number of scalar parameters (the length of θ), from the current shapes of the parameter members.</summary>
    int ParameterCount { get; }

    /// <summary>The name of parameter <paramref name="index"/>: <c>Sigma</c>, <c>Beta[2]</c>, <c>W[1,0]</c>.</summary>
    string GetParameterName(int index);

    /// <summary>The bounds and simplex membership of parameter <paramref name="index"/>.</summary>
    ParameterInfo GetParameterInfo(int index);

    /// <summary>The number of observations, summed over the likelihood terms.</summary>
    int ObservationCount { get; }

    /// <summary>Copies the current values of the parameter members into <paramref name="theta"/>.</summary>
    void ReadParameters(Span<double> theta);

    /// <summary>Writes <paramref name="theta"/> into the parameter members.</summary>
    void WriteParameters(ReadOnlySpan<double> theta);

    /// <summary>Checks the data members (lengths, NaN or infinite values, observations outside the families' support) and throws <see cref="ModelDataException"/> naming the member and index of the first problem.</summary>
    void ValidateData();

    /// <summary>The negative log-likelihood at <paramref name="theta"/>.</summary>
    double NegativeLogLikelihood(ReadOnlySpan<double> theta);

    /// <summary>The negative log-likelihood at <paramref name="theta"/>, writing its exact gradient into <paramref name="gradient"/> in the same pass.</summary>
    double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient);
}
