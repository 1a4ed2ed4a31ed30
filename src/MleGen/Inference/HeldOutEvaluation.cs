namespace MleGen;

/// <summary>How well fitted parameters predict other data of the same model.</summary>
/// <param name="LogLikelihood">ℓ of the held-out data at the estimates.</param>
/// <param name="ObservationCount">n, the number of held-out observations.</param>
/// <param name="CrossEntropy">The mean negative log-likelihood −ℓ/n (nats per observation).</param>
/// <param name="Perplexity">exp(<see cref="CrossEntropy"/>).</param>
public sealed record HeldOutEvaluation(double LogLikelihood, int ObservationCount, double CrossEntropy, double Perplexity);
