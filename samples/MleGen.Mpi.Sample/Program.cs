using System;
using System.Diagnostics;
using System.Globalization;
using MleGen;
using MleGen.Mpi;
using MleGen.Mpi.Sample;

// One logistic regression over rows spread across MPI ranks:
//   mpirun -np 2 dotnet MleGen.Mpi.Sample.dll [rows] [columns] [threads per rank]
// Every rank loads only its own rows, fits with the others and gets the same result; rank 0 prints it
// with the timings (set-up, fit, and the single-thread cost of one NLL + gradient pass per row).
using var cluster = MpiCluster.Start(ref args);
long rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
int columns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
int threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;

var (start, count) = cluster.ShardRange(rows);
var load = Stopwatch.StartNew();
ShardedLogistic model = SyntheticRows.Load(start, count, columns);
load.Stop();

// The per-row cost of this rank's evaluation alone, one thread (the figure the scaling estimate uses).
// The evaluation members are IMleModel's (the generated class implements them explicitly).
model.EvaluationThreads = 1;
IMleModel evaluated = model;
var theta = new double[evaluated.ParameterCount];
var gradient = new double[theta.Length];
evaluated.NegativeLogLikelihood(theta, gradient);
var pass = Stopwatch.StartNew();
const int Passes = 5;
for (int k = 0; k < Passes; k++)
{
    evaluated.NegativeLogLikelihood(theta, gradient);
}

double nanosecondsPerRow = pass.Elapsed.TotalNanoseconds / Passes / count;

var fitTime = Stopwatch.StartNew();
FitResult fit = model.Fit(new FitOptions { Cluster = cluster, Threads = threads });
fitTime.Stop();

if (cluster.Rank == 0)
{
    Console.WriteLine(fit);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ranks {cluster.Size}, rows {rows:N0} × {columns} columns, {threads} thread(s) per rank: load {load.Elapsed.TotalSeconds:F2} s, fit {fitTime.Elapsed.TotalSeconds:F3} s ({fit.Iterations} iterations), NLL+gradient {nanosecondsPerRow:F1} ns/row on one thread"));
}
