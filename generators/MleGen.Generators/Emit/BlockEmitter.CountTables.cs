using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Ir;
using MleGen.Generators.Plan;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>The locals of one count table of a kernel: the table, its count column, and the chunk's count range.</summary>
internal sealed class CountTableLocals
{
    public CountTableLocals(string table, string column, string min, string range)
    {
        Table = table;
        Column = column;
        Min = min;
        Range = range;
    }

    /// <summary>The stack table, <c>t_lgammadiff11</c>: entry c holds the value at count min + c.</summary>
    public string Table { get; }

    /// <summary>The count column as an array, <c>d_Y</c>.</summary>
    public string Column { get; }

    /// <summary>The chunk's smallest count, <c>min_Y</c>.</summary>
    public string Min { get; }

    /// <summary>The number of entries, <c>range_Y</c>: 0 when the chunk's counts span too many values (no table).</summary>
    public string Range { get; }
}

/// <summary>
/// Per-chunk tables over the counts (<see cref="CountTablePlan"/>): the method finds its chunk's count range, fills a stack
/// table of at most <see cref="CountTablePlan.MaxEntries"/> entries with the same scalar function the rows would call,
/// and the rows read <c>t[Y[i] − min]</c> when the table exists.
/// </summary>
internal sealed partial class BlockEmitter
{
    private readonly Dictionary<Node, CountTableLocals> _countTables = new();

    /// <summary>The count tables <see cref="EmitCountTables"/> emitted, by the node each holds.</summary>
    public IReadOnlyDictionary<Node, CountTableLocals> CountTables => _countTables;

    /// <summary>
    /// Emits, at method level after the θ-only values, the count tables of the <paramref name="roots"/>. With
    /// <paramref name="scalarReads"/> the scalar rows this emitter prints read them; else only <see cref="CountTables"/>
    /// tells a vector block about them.
    /// </summary>
    public void EmitCountTables(ModelSpec spec, IEnumerable<Node> roots, bool scalarReads)
    {
        foreach (var group in CountTablePlan.Find(spec, roots).GroupBy(t => t.Column).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            string column = _printer.DataArray(group.Key);
            string min = Declare("min_" + group.Key), range = Declare("range_" + group.Key), entry = Declare("c");
            _writer.Line("// " + string.Join(", ", group.Select(t => t.Node.BinaryOp.ToString())) + " of the counts " + group.Key
                + "[i] from tables over the chunk's counts when they span few values (the values the rows would compute)");
            _writer.Line("int " + range + " = global::MleGen.VectorKernels.CountRange(" + column + ", start, end, " + Literals.Int(CountTablePlan.MaxEntries) + ", out int " + min + ");");
            var locals = new List<(CountTable Table, CountTableLocals Locals)>();
            foreach (var table in group)
            {
                var names = new CountTableLocals("t_" + NewName(table.Node), column, min, range);
                locals.Add((table, names));
                _writer.Line("global::System.Span<double> " + names.Table + " = stackalloc double[" + range + "];");
            }

            _writer.Line("for (int " + entry + " = 0; " + entry + " < " + range + "; " + entry + "++)");
            _writer.Line("{");
            _writer.Indent();
            foreach (var (table, names) in locals)
            {
                var atCount = new Dictionary<Node, string>(_locals) { [table.Count] = "(double)(" + min + " + " + entry + ")" };
                _writer.Line(names.Table + "[" + entry + "] = " + _printer.Print(table.Node, atCount) + ";");
            }

            _writer.Unindent();
            _writer.Line("}");
            foreach (var (table, names) in locals)
            {
                _countTables[table.Node] = names;
                if (scalarReads)
                {
                    _locals[table.Node] = "(" + range + " > 0 ? " + names.Table + "[" + column + "[i] - " + min + "] : " + Print(table.Node) + ")";
                    _frames.Peek().Add(table.Node);
                }
            }
        }
    }

    /// <summary>A fresh local name (<paramref name="name"/>, else <c>name_2</c>, …) no other local of the method has.</summary>
    private string Declare(string name)
    {
        string candidate = name;
        for (int k = 2; !_declared.Add(candidate); k++)
        {
            candidate = name + "_" + k.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);
        }

        return candidate;
    }
}
