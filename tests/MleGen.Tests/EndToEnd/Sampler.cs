using System;
using D = MathNet.Numerics.Distributions;

namespace MleGen.Tests.EndToEnd;

/// <summary>Draws one observation from a family value with MathNet's samplers (the data generator; independent of the generated code).</summary>
internal static class Sampler
{
    public static double Draw(IObservationFamily family, Random rng) => family switch
    {
        Normal f => D.Normal.Sample(rng, f.Mean, f.Sd),
        Laplace f => D.Laplace.Sample(rng, f.Location, f.Scale),
        StudentT f => D.StudentT.Sample(rng, f.Location, f.Scale, f.Nu),
        Cauchy f => D.Cauchy.Sample(rng, f.Location, f.Scale),
        LogNormal f => D.LogNormal.Sample(rng, f.Mu, f.Sigma),
        Exponential f => D.Exponential.Sample(rng, f.Rate),
        Gamma f => D.Gamma.Sample(rng, f.Shape, f.Rate),
        Weibull f => D.Weibull.Sample(rng, f.Shape, f.Scale),
        Beta f => D.Beta.Sample(rng, f.Alpha, f.BetaParameter),
        Bernoulli f => D.Bernoulli.Sample(rng, f.P),
        BernoulliLogit f => D.Bernoulli.Sample(rng, Functions.Logistic(f.Eta)),
        BernoulliProbit f => D.Bernoulli.Sample(rng, D.Normal.CDF(0, 1, f.Eta)),
        Binomial f => D.Binomial.Sample(rng, f.P, f.Trials),
        BinomialLogit f => D.Binomial.Sample(rng, Functions.Logistic(f.Eta), f.Trials),
        Poisson f => D.Poisson.Sample(rng, f.Rate),
        PoissonLog f => D.Poisson.Sample(rng, Math.Exp(f.Eta)),
        // Poisson–gamma mixture: MathNet 5's NegativeBinomial.Sample draws its gamma with rate p instead of p/(1 − p)
        // (mathnet-numerics#1109), so its samples do not follow its own PMF.
        NegativeBinomial f => D.Poisson.Sample(rng, D.Gamma.Sample(rng, f.Dispersion, f.Dispersion / f.Mean)),
        CategoricalLogits f => D.Categorical.Sample(rng, Softmax(f.Logits)),
        NormalMixture f => DrawMixture(f, rng),
        ZeroInflatedPoisson f => rng.NextDouble() < f.ZeroProbability ? 0 : D.Poisson.Sample(rng, f.Rate),
        ZeroInflatedNegativeBinomial f => rng.NextDouble() < f.ZeroProbability ? 0 : D.Poisson.Sample(rng, D.Gamma.Sample(rng, f.Dispersion, f.Dispersion / f.CountMean)),
        OrderedLogistic f => DrawOrdered(f, rng),
        _ => throw new ArgumentException("no sampler for " + family.GetType().Name),
    };

    private static double[] Softmax(ReadOnlySpan<double> logits)
    {
        var p = new double[logits.Length];
        double max = double.NegativeInfinity;
        foreach (double l in logits)
        {
            max = Math.Max(max, l);
        }

        double sum = 0;
        for (int k = 0; k < p.Length; k++)
        {
            p[k] = Math.Exp(logits[k] - max);
            sum += p[k];
        }

        for (int k = 0; k < p.Length; k++)
        {
            p[k] /= sum;
        }

        return p;
    }

    private static double DrawOrdered(OrderedLogistic f, Random rng)
    {
        double u = rng.NextDouble();
        int k = 0;
        while (k < f.Classes - 1 && u > f.Cdf(k))
        {
            k++;
        }

        return k;
    }

    private static double DrawMixture(NormalMixture f, Random rng)
    {
        int k = D.Categorical.Sample(rng, f.Weights.ToArray());
        return D.Normal.Sample(rng, f.Means[k], f.Sds[k]);
    }
}
