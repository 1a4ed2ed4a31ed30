using System;
using System.Threading;
using MleGen.Tests.Fitting.TestModels;
using Xunit;

namespace MleGen.Tests.Fitting;

public class ModelObjectiveTests
{
    [Fact]
    public void LbfgsOverAModelAllocatesNothingAfterSetUp()
    {
        var (_, model) = ReferenceModels.OlsCars();
        ParameterInfo[] infos = [model.GetParameterInfo(0), model.GetParameterInfo(1), model.GetParameterInfo(2)];
        var transform = new ParameterTransform(infos, model.Theta, new bool[3]);
        var objective = new ModelObjective(model, transform, CurvatureKind.Observed);
        var workspace = new LbfgsWorkspace(3);
        double[] u = new double[3];
        var settings = new OptimizerSettings(1e-10, 0, 1000, null, CancellationToken.None);
        transform.ToUnconstrained(model.Theta, u);
        Lbfgs.Minimize(objective, u, settings, workspace);

        OptimizationResult result = default;
        long allocated = AllocationProbe.Fewest(() =>
        {
            transform.ToUnconstrained(model.Theta, u);
            result = Lbfgs.Minimize(objective, u, settings, workspace);
        });
        Assert.True(result.Converged, result.Reason);
        Assert.True(result.Iterations > 5);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void GradientAndHessianInUnconstrainedCoordinatesMatchFiniteDifferences()
    {
        var (_, model) = ReferenceModels.OlsCars();
        ParameterInfo[] infos = [model.GetParameterInfo(0), model.GetParameterInfo(1), model.GetParameterInfo(2)];
        var transform = new ParameterTransform(infos, model.Theta, new bool[3]);
        var objective = new ModelObjective(model, transform, CurvatureKind.Observed);
        double[] u = [-10, 3, Math.Log(20)];
        double[] g = new double[3], h = new double[9], gp = new double[3], gm = new double[3];
        objective.ValueAndGradient(u, g);
        objective.Hessian(u, h);
        const double step = 1e-6;
        for (int j = 0; j < 3; j++)
        {
            double[] up = (double[])u.Clone(), um = (double[])u.Clone();
            up[j] += step;
            um[j] -= step;
            double numeric = (objective.Value(up) - objective.Value(um)) / (2 * step);
            Assert.Equal(numeric, g[j], Math.Max(1e-6, 1e-7 * Math.Abs(numeric)));
            objective.ValueAndGradient(up, gp);
            objective.ValueAndGradient(um, gm);
            for (int i = 0; i < 3; i++)
            {
                double second = (gp[i] - gm[i]) / (2 * step);
                Assert.True(Math.Abs(second - h[(i * 3) + j]) <= 1e-5 * Math.Max(1, Math.Abs(second)), $"H[{i},{j}]: {h[(i * 3) + j]} vs {second}");
            }
        }
    }
}
