using System;

namespace MleGen.Tests.Fitting.TestModels;

/// <summary>y ~ Categorical(P) with P on the simplex (K classes), likelihood written per θ component as generated code would.</summary>
internal sealed class CategoricalModel(int[] counts) : HandWrittenModel(Infos(counts.Length), Uniform(counts.Length))
{
    public override int ObservationCount
    {
        get
        {
            int n = 0;
            foreach (int c in counts)
            {
                n += c;
            }

            return n;
        }
    }

    public override double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double nll = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            nll -= counts[k] * Math.Log(theta[k]);
            if (!gradient.IsEmpty)
            {
                gradient[k] = -counts[k] / theta[k];
            }
        }

        return nll;
    }

    public override void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information)
    {
        int k = counts.Length;
        information.Slice(0, k * k).Clear();
        for (int j = 0; j < k; j++)
        {
            information[(j * k) + j] = counts[j] / (theta[j] * theta[j]);
        }
    }

    public override void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information)
    {
        int k = counts.Length;
        information.Slice(0, k * k).Clear();
        for (int j = 0; j < k; j++)
        {
            information[(j * k) + j] = ObservationCount / theta[j];
        }
    }

    public override void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat)
    {
        int k = counts.Length;
        meat.Slice(0, k * k).Clear();
        for (int j = 0; j < k; j++)
        {
            meat[(j * k) + j] = counts[j] / (theta[j] * theta[j]);
        }
    }

    private static ParameterInfo[] Infos(int k)
    {
        var infos = new ParameterInfo[k];
        for (int j = 0; j < k; j++)
        {
            infos[j] = new ParameterInfo($"P[{j}]", 0, 1, 0);
        }

        return infos;
    }

    private static double[] Uniform(int k)
    {
        double[] p = new double[k];
        Array.Fill(p, 1.0 / k);
        return p;
    }
}
