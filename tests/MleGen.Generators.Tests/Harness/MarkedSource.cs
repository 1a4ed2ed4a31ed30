using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace MleGen.Generators.Tests.Harness;

/// <summary>A test source with <c>[|…|]</c> markers around the expected diagnostic spans, and the source without them.</summary>
public sealed class MarkedSource
{
    private MarkedSource(string source, IReadOnlyList<TextSpan> spans)
    {
        Source = source;
        Spans = spans;
    }

    public string Source { get; }

    public IReadOnlyList<TextSpan> Spans { get; }

    public static MarkedSource Parse(string marked)
    {
        var builder = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        int start = -1;
        for (int k = 0; k < marked.Length; k++)
        {
            if (string.CompareOrdinal(marked, k, "[|", 0, 2) == 0)
            {
                start = builder.Length;
                k++;
            }
            else if (string.CompareOrdinal(marked, k, "|]", 0, 2) == 0)
            {
                if (start < 0)
                {
                    throw new ArgumentException("'|]' without '[|'", nameof(marked));
                }

                spans.Add(TextSpan.FromBounds(start, builder.Length));
                start = -1;
                k++;
            }
            else
            {
                builder.Append(marked[k]);
            }
        }

        return new MarkedSource(builder.ToString(), spans);
    }
}
