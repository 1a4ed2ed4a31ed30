using System;

namespace MleGen.Tests.Fitting.TestModels;

/// <summary>y ~ Normal(A + B, 1): only A + B is identified, so the information is singular.</summary>
internal sealed class CollinearModel(double[] y) : HandWrittenModel([Free("A"), Free("B")], [0, 0])
{
    public override int ObservationCount => y.Length;

    public override double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double nll = 0, g = 0;
        foreach (double v in y)
        {
            double r = v - theta[0] - theta[1];
            nll += (0.5 * r * r) + (0.5 * Math.Log(2 * Math.PI));
            g -= r;
        }

        if (!gradient.IsEmpty)
        {
            gradient[0] = gradient[1] = g;
        }

        return nll;
    }

    public override void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information) => information.Slice(0, 4).Fill(y.Length);

    public override void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => information.Slice(0, 4).Fill(y.Length);

    public override void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat)
    {
        double s = 0;
        foreach (double v in y)
        {
            double r = v - theta[0] - theta[1];
            s += r * r;
        }

        meat.Slice(0, 4).Fill(s);
    }
}

/// <summary>y ~ Normal(Mu, 1) with Mu &gt; 0 (Lower = 0): when the data mean is negative the optimum is on the bound.</summary>
internal sealed class PositiveMeanModel(double[] y) : HandWrittenModel([Positive("Mu")], [1])
{
    public override int ObservationCount => y.Length;

    public override double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double nll = 0, g = 0;
        foreach (double v in y)
        {
            double r = v - theta[0];
            nll += (0.5 * r * r) + (0.5 * Math.Log(2 * Math.PI));
            g -= r;
        }

        if (!gradient.IsEmpty)
        {
            gradient[0] = g;
        }

        return nll;
    }

    public override void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information) => information[0] = y.Length;

    public override void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => information[0] = y.Length;

    public override void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat)
    {
        meat[0] = 0;
        foreach (double v in y)
        {
            meat[0] += (v - theta[0]) * (v - theta[0]);
        }
    }
}

/// <summary>
/// The lasso as a MAP model: NLL = ½‖y − Xβ‖² (Gaussian, σ = 1, constants dropped) and an L1
/// penalty n·λ on every coefficient, so the minimizer is the lasso solution of 1/(2n)‖y − Xβ‖² + λ‖β‖₁.
/// </summary>
internal sealed class LassoModel(double[,] x, double[] y, double lambda) : HandWrittenModel(Names(x.GetLength(1)), new double[x.GetLength(1)])
{
    public override int ObservationCount => y.Length;

    public override bool HasPrior => true;

    public override L1Penalty GetL1Penalty(int index) => new(y.Length * lambda, 0);

    public override double NegativeLogLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        int p = ParameterCount;
        if (!gradient.IsEmpty)
        {
            gradient.Slice(0, p).Clear();
        }

        double nll = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double r = y[i];
            for (int j = 0; j < p; j++)
            {
                r -= x[i, j] * theta[j];
            }

            nll += 0.5 * r * r;
            for (int j = 0; !gradient.IsEmpty && j < p; j++)
            {
                gradient[j] -= r * x[i, j];
            }
        }

        return nll;
    }

    public override void ObservedInformation(ReadOnlySpan<double> theta, Span<double> information)
    {
        int p = ParameterCount;
        information.Slice(0, p * p).Clear();
        for (int i = 0; i < y.Length; i++)
        {
            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b < p; b++)
                {
                    information[(a * p) + b] += x[i, a] * x[i, b];
                }
            }
        }
    }

    public override void ExpectedInformation(ReadOnlySpan<double> theta, Span<double> information) => ObservedInformation(theta, information);

    public override void ScoreOuterProduct(ReadOnlySpan<double> theta, Span<double> meat) => throw new NotSupportedException();

    private static ParameterInfo[] Names(int p)
    {
        var infos = new ParameterInfo[p];
        for (int j = 0; j < p; j++)
        {
            infos[j] = Free($"Beta[{j}]");
        }

        return infos;
    }
}
