using System;

namespace MleGen;

/// <summary>
/// A compiled statistical model: the negative log-likelihood (NLL) of its data as a function of the
/// flat parameter vector θ, with its exact derivatives. Implemented by the code MleGen generates for
/// a <see cref="ModelAttribute"/> class; advanced users can hand it to their own optimizer.
/// </summary>
/// <remarks>
/// θ is on the natural scale, in declaration order of the <see cref="ParamAttribute"/> members,
/// vectors by index and matrices row-major; p×p matrices are row-major spans. The likelihood members
/// never include priors: those are the <c>…Prior…</c> members.
/// <para>
/// Threads: an instance serves one caller at a time. The generated evaluation members,
/// <see cref="ValidateData"/> and <see cref="ModelFitter.Fit"/> (for any implementation) throw
/// <see cref="InvalidOperationException"/> when another thread is using the instance (see
/// <see cref="ExclusiveUse"/>); each evaluation is itself parallel (<see cref="EvaluationThreads"/>). To fit or
/// evaluate in parallel, use one instance per thread.
/// </para>
/// </remarks>
public interface IMleModel
{
    /// <summary>The number of scalar parameters (the length of θ), from the current shapes of the parameter members.</summary>
    int ParameterCount { get; }

    /// <summary>The name of parameter <paramref name="index"/>: <c>Sigma</c>, <c>Beta[2]</c>, <c>W[1,0]</c>.</summary>
    string GetParameterName(int index);

    /// <summary>The name, bounds and simplex membership of parameter <paramref name="index"/>.</summary>
    ParameterInfo GetParameterInfo(int index);

    /// <summary>The number of observations, summed over the likelihood terms.</summary>
    int ObservationCount { get; }

    /// <summary>Copies the current values of the parameter members into <paramref name="theta"/>.</summary>
    void ReadParameters(Span<double> theta);

    /// <summary>Writes <paramref name="theta"/> into the parameter members.</summary>
    void WriteParameters(ReadOnlySpan<double> theta);

    /// <summary>
    /// Checks the data members (null or empty arrays, lengths, NaN or infinite values, negative weights,
    /// observations outside the families' support, indices computed from data outside the member they read,
    /// family arguments and expressions of data alone outside their domain) and throws
    /// <see cref="ModelDataException"/> naming the member and index of the first problem; then sums the NLL's
    /// data-only terms (log y!, log C(n, y)) for these data.
    /// </summary>
    /// <remarks>
    /// The evaluation members call it when first used and again whenever a data member (or an array
    /// parameter) is replaced by another array or a scalar datum changes. They cannot see a change made
    /// inside an array: after refilling or editing a data array in place (a bootstrap loop reusing its
    /// buffers), call <see cref="ValidateData"/> before evaluating, or the NLL is that of the old data (a
    /// non-finite result makes them call it themselves, so a NaN written in place is an error, not a NaN).
    /// <see cref="ModelFitter.Fit"/> always calls it first.
    /// </remarks>
    void ValidateData();

    /// <summary>
    /// Threads used to evaluate the likelihood: 0 (the default) for all processors, 1 for the calling
    /// thread only. Observations are processed in fixed chunks reduced in a fixed order, so every
    /// result is bit-identical whatever this is.
    /// </summary>
    int EvaluationThreads { get; set; }

    /// <summary>The negative log-likelihood at <paramref name="theta"/>.</summary>
    double NegativeLogLikelihood(ReadOnlySpan<double> theta);

    /// <summary>The negative log-likelihood at <paramref name="theta"/>, writing its exact gradient into <paramref name="gradient"/> in the same pass.</summary>
    double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient);

    /// <summary>The observed information: the exact Hessian of the NLL at <paramref name="theta"/>, written p×p row-major.</summary>
    void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information);

    /// <summary>True when the model has an expected (Fisher) information: every generated family has one (in closed form, or by quadrature for <c>NormalMixture</c>); the fitter refuses Fisher scoring and expected-information standard errors without it.</summary>
    bool HasExpectedInformation { get; }

    /// <summary>
    /// True when the expected information costs about what the observed one does (closed forms); false where it is
    /// computed numerically (a <c>NormalMixture</c> term: quadrature, slow when a component is collapsing), so the
    /// optimizer uses it only when asked (Fisher scoring, <see cref="CovarianceKind.Expected"/>) and not as Newton's
    /// fallback curvature or its geodesic acceleration.
    /// </summary>
    bool HasCheapExpectedInformation => HasExpectedInformation;

    /// <summary>
    /// True when the log-likelihood has kinks in θ (a <c>Laplace</c> term: |y − m| is not differentiable
    /// where a residual is 0, so the maximum sits on a kink). <see cref="ModelFitter.Fit"/> then solves a
    /// sequence of smoothed problems (the <c>kinkSmoothing</c> overloads, ε → 0) and reports the exact likelihood.
    /// </summary>
    bool HasKinks => false;

    /// <summary>
    /// The negative log-likelihood at <paramref name="theta"/> with each kink |z| of a standardized residual evaluated as
    /// √(z² + ε²) − ε, ε = <paramref name="kinkSmoothing"/> (at most ε below |z|, smooth with curvature 1/ε at 0), writing its
    /// exact gradient into <paramref name="gradient"/> unless that is empty (then the value only). ε = 0 is the model as
    /// written, and a model without kinks (<see cref="HasKinks"/> false) is its own smoothing. The smoothing is an argument of
    /// this one evaluation: nothing of it stays in the model.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kinkSmoothing"/> is negative, infinite or NaN.</exception>
    /// <exception cref="NotSupportedException">The model has kinks but does not implement their smoothing.</exception>
    double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient, double kinkSmoothing)
    {
        KinkSmoothing.Require(kinkSmoothing, HasKinks);
        return gradient.IsEmpty ? NegativeLogLikelihood(theta) : NegativeLogLikelihood(theta, gradient);
    }

    /// <summary>The observed information (exact Hessian of the NLL) at <paramref name="theta"/> with the kinks smoothed by ε = <paramref name="kinkSmoothing"/>, as <see cref="NegativeLogLikelihood(ReadOnlySpan{double}, Span{double}, double)"/> evaluates them.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kinkSmoothing"/> is negative, infinite or NaN.</exception>
    /// <exception cref="NotSupportedException">The model has kinks but does not implement their smoothing.</exception>
    void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information, double kinkSmoothing)
    {
        KinkSmoothing.Require(kinkSmoothing, HasKinks);
        ObservedInformation(theta, information);
    }

    /// <summary>The expected Fisher information Σᵢ Jᵢᵀ F(φᵢ) Jᵢ at <paramref name="theta"/>, p×p row-major (a generated model where <see cref="HasExpectedInformation"/> is false throws an <see cref="InvalidOperationException"/> naming the term that has none).</summary>
    void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information);

    /// <summary>The outer product of the per-observation scores Σᵢ sᵢsᵢᵀ (the sandwich "meat"), p×p row-major.</summary>
    void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat);

    /// <summary>
    /// The number of likelihood terms whose observations <see cref="EvaluateFitted"/> reports (generated models: one per
    /// <c>[Likelihood]</c> method). 0 (the default, for hand-written models) means fitted values and residuals are not available.
    /// </summary>
    int LikelihoodTermCount => 0;

    /// <summary>Likelihood term <paramref name="term"/>: its method, observed member, family and what the family offers.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="term"/> is not below <see cref="LikelihoodTermCount"/>.</exception>
    LikelihoodTermInfo GetLikelihoodTerm(int term) => throw new ArgumentOutOfRangeException(nameof(term), term, "This model reports no likelihood terms.");

    /// <summary>
    /// Writes, for every observation of likelihood term <paramref name="term"/> at <paramref name="theta"/>, its observed value and
    /// weight and, where the family defines them (<see cref="GetLikelihoodTerm"/>), the fitted family's mean, variance and unit deviance.
    /// </summary>
    /// <exception cref="ArgumentException">A column's length is not the term's observation count.</exception>
    /// <exception cref="NotSupportedException">The model reports no likelihood terms (<see cref="LikelihoodTermCount"/> 0).</exception>
    void EvaluateFitted(int term, ReadOnlySpan<double> theta, FittedColumns columns) =>
        throw new NotSupportedException("This model does not report fitted values (LikelihoodTermCount is 0): only generated models do.");

    /// <summary>True when any parameter carries a prior attribute (the fit is MAP).</summary>
    bool HasPrior { get; }

    /// <summary>The smooth part of the negative log prior at <paramref name="theta"/> (normalized densities; L1/Laplace terms excluded, see <see cref="GetL1Penalty"/>), adding its gradient into <paramref name="gradient"/> when it is not empty.</summary>
    double NegativeLogPrior(ReadOnlySpan<double> theta, Span<double> gradient);

    /// <summary>Adds the Hessian of the smooth part of the negative log prior into <paramref name="hessian"/> (p×p row-major).</summary>
    void NegativeLogPriorHessian(ReadOnlySpan<double> theta, Span<double> hessian);

    /// <summary>The non-smooth part of the negative log prior on parameter <paramref name="index"/>: Weight·|θ − Center| (zero weight when none).</summary>
    L1Penalty GetL1Penalty(int index);

    /// <summary>
    /// The model as its source declares it: the likelihood terms with their families and arguments, the priors and,
    /// for a GLM-shaped model, its family, link and the data its deviance needs (read from the data members when
    /// called). Generated by MleGen; null for models that do not describe themselves.
    /// </summary>
    ModelDescription? Describe() => null;
}

/// <summary>A non-smooth penalty <c>Weight·|θ − Center|</c> on one parameter, from <c>[L1]</c>, <c>[LaplacePrior]</c> or <c>[ElasticNet]</c>; the constant of a Laplace density (log 2b) is in the smooth part.</summary>
/// <param name="Weight">The weight (≥ 0); zero means no penalty.</param>
/// <param name="Center">The kink's location.</param>
public readonly record struct L1Penalty(double Weight, double Center);
