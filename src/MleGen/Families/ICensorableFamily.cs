namespace MleGen;

/// <summary>
/// A continuous observation family with an exact, tail-stable CDF: the families a <c>[Likelihood]</c> may censor
/// (<see cref="LikelihoodAttribute.RightCensored"/>, <see cref="LikelihoodAttribute.LeftCensored"/>).
/// </summary>
public interface ICensorableFamily : IObservationFamily
{
    /// <summary>log F(y) = log P(Y ≤ y), accurate where F underflows and where it rounds to 1; never throws.</summary>
    double LogCdf(double y);

    /// <summary>log S(y) = log P(Y &gt; y) = log(1 − F(y)), accurate in both tails; never throws.</summary>
    double LogCcdf(double y);
}
