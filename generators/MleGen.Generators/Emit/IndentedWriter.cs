using System;
using System.Text;

namespace MleGen.Generators.Emit;

/// <summary>Writes indented source text; <see cref="Block"/> opens a brace block closed on dispose.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4);
            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any) and <c>{</c>; the returned scope writes <c>}</c>.</summary>
    public BlockScope Block(string? header = null, string closing = "}")
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _depth++;
        return new BlockScope(this, closing);
    }

    public void Indent() => _depth++;

    public void Unindent() => _depth--;

    public override string ToString() => _text.ToString();

    internal readonly struct BlockScope : IDisposable
    {
        private readonly IndentedWriter _writer;
        private readonly string _closing;

        public BlockScope(IndentedWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._depth--;
            _writer.Line(_closing);
        }
    }
}
