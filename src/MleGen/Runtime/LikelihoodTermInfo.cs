namespace MleGen;

/// <summary>One likelihood term of a model (a <c>[Likelihood]</c> method): what it observes and what its family offers for fitted values and residuals.</summary>
/// <param name="Method">The <c>[Likelihood]</c> method's name, e.g. <c>Observation</c>.</param>
/// <param name="Observed">The observed data member, e.g. <c>Y</c>.</param>
/// <param name="Family">The observation family, e.g. <c>PoissonLog</c>.</param>
/// <param name="ObservationCount">The number of observations of the term.</param>
/// <param name="IsWeighted">True when the term has <c>Weights</c>.</param>
/// <param name="HasMoments">True when the family has a mean and a variance (not <c>Cauchy</c> or <c>CategoricalLogits</c>): fitted values, response and Pearson residuals exist.</param>
/// <param name="HasDeviance">True when the family has a unit deviance (the exponential-dispersion families: Normal, Exponential, Gamma, Bernoulli…, Binomial…, Poisson…, NegativeBinomial): deviance residuals exist.</param>
public sealed record LikelihoodTermInfo(string Method, string Observed, string Family, int ObservationCount, bool IsWeighted, bool HasMoments, bool HasDeviance);
