using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace MleGen;

/// <summary>
/// Recursive-descent parser of the formula subset <see cref="ModelFrame.Design"/> accepts:
/// <c>[~] sum</c>, sum = product (('+' | '-') product)*, product = interaction ('*' interaction)*,
/// interaction = atom (':' atom)*, atom = name | `quoted name` | '(' sum ')' | 0 | 1. As in R,
/// <c>a * b</c> is <c>a + b + a:b</c>, <c>- t</c> removes a term, and <c>0</c>, <c>- 1</c> remove the
/// intercept (<c>+ 1</c> restores it).
/// </summary>
internal sealed class FormulaParser
{
    private readonly string _text;
    private readonly List<string> _variables = [];
    private int _pos;

    public FormulaParser(string text)
    {
        _text = text;
    }

    public ModelFormula Parse()
    {
        SkipSpace();
        if (Peek() == '~')
        {
            _pos++;
        }

        bool intercept = true;
        List<ulong> terms = Sum(ref intercept, topLevel: true);
        SkipSpace();
        if (_pos < _text.Length)
        {
            throw Error($"unexpected '{_text[_pos]}'");
        }

        if (terms.Count == 0 && !intercept)
        {
            throw Error("the formula has no terms and no intercept");
        }

        // R's terms(): lower-degree terms first, stable within a degree.
        ulong[] sorted = [.. terms.OrderBy(BitOperations.PopCount)];
        return new ModelFormula(_text, _variables.ToArray(), sorted, intercept);
    }

    private List<ulong> Sum(ref bool intercept, bool topLevel)
    {
        var terms = new List<ulong>();
        bool subtract = false;
        SkipSpace();
        if (Peek() is '-' or '+')
        {
            subtract = Peek() == '-';
            _pos++;
        }

        while (true)
        {
            int start = _pos;
            Operand operand = Product();
            if (operand.Constant is int constant)
            {
                if (!topLevel)
                {
                    throw Error("0 and 1 (the intercept) may only stand as terms of their own, outside parentheses", start);
                }

                // 1 adds the intercept, 0 removes it; subtracting flips them.
                intercept = (constant == 1) != subtract;
            }
            else if (subtract)
            {
                terms.RemoveAll(t => operand.Terms!.Contains(t));
            }
            else
            {
                foreach (ulong t in operand.Terms!)
                {
                    if (!terms.Contains(t))
                    {
                        terms.Add(t);
                    }
                }
            }

            SkipSpace();
            if (Peek() is not ('+' or '-'))
            {
                return terms;
            }

            subtract = Peek() == '-';
            _pos++;
        }
    }

    private Operand Product()
    {
        Operand left = Interaction();
        while (true)
        {
            SkipSpace();
            if (Peek() != '*')
            {
                return left;
            }

            int at = _pos++;
            Operand right = Interaction();
            RequireTerms(left, at);
            RequireTerms(right, at);
            // a * b = a + b + a:b
            var terms = new List<ulong>(left.Terms!);
            AddDistinct(terms, right.Terms!);
            AddDistinct(terms, Cross(left.Terms!, right.Terms!));
            left = new Operand(terms, null);
        }
    }

    private Operand Interaction()
    {
        Operand left = Atom();
        while (true)
        {
            SkipSpace();
            if (Peek() != ':')
            {
                return left;
            }

            int at = _pos++;
            Operand right = Atom();
            RequireTerms(left, at);
            RequireTerms(right, at);
            left = new Operand(Cross(left.Terms!, right.Terms!), null);
        }
    }

    private Operand Atom()
    {
        SkipSpace();
        char c = Peek();
        if (c == '(')
        {
            _pos++;
            bool intercept = true;
            List<ulong> inner = Sum(ref intercept, topLevel: false);
            SkipSpace();
            if (Peek() != ')')
            {
                throw Error("expected ')'");
            }

            _pos++;
            return new Operand(inner, null);
        }

        if (char.IsDigit(c))
        {
            int start = _pos;
            while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] == '.'))
            {
                _pos++;
            }

            string number = _text[start.._pos];
            return number switch
            {
                "0" => new Operand(null, 0),
                "1" => new Operand(null, 1),
                _ => throw Error($"the number {number} is not a term (only 0 and 1, the intercept)", start),
            };
        }

        if (c == '`')
        {
            int close = _text.IndexOf('`', _pos + 1);
            if (close < 0)
            {
                throw Error("unclosed `");
            }

            string quoted = _text[(_pos + 1)..close];
            _pos = close + 1;
            return Variable(quoted);
        }

        if (char.IsLetter(c) || c is '_' or '.')
        {
            int start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '.'))
            {
                _pos++;
            }

            return Variable(_text[start.._pos]);
        }

        if (c == '^')
        {
            throw Error("'^' is not supported: write the interactions out (a * b for (a + b)^2)");
        }

        throw Error(_pos < _text.Length ? $"unexpected '{c}'" : "unexpected end of the formula");
    }

    private Operand Variable(string name)
    {
        int index = _variables.IndexOf(name);
        if (index < 0)
        {
            if (_variables.Count == ModelFormula.MaxVariables)
            {
                throw Error($"more than {ModelFormula.MaxVariables} variables");
            }

            index = _variables.Count;
            _variables.Add(name);
        }

        return new Operand([1UL << index], null);
    }

    private static List<ulong> Cross(List<ulong> left, List<ulong> right)
    {
        var terms = new List<ulong>();
        foreach (ulong a in left)
        {
            foreach (ulong b in right)
            {
                ulong t = a | b;
                if (!terms.Contains(t))
                {
                    terms.Add(t);
                }
            }
        }

        return terms;
    }

    private static void AddDistinct(List<ulong> terms, List<ulong> more)
    {
        foreach (ulong t in more)
        {
            if (!terms.Contains(t))
            {
                terms.Add(t);
            }
        }
    }

    private void RequireTerms(Operand operand, int at)
    {
        if (operand.Terms is null)
        {
            throw Error("0 and 1 (the intercept) cannot be crossed with ':' or '*'", at);
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private FormatException Error(string message, int? at = null) =>
        new($"Formula '{_text}', at position {(at ?? _pos).ToString(CultureInfo.InvariantCulture)}: {message}.");

    /// <summary>A parsed operand: a list of terms, or the constant 0 or 1.</summary>
    private readonly record struct Operand(List<ulong>? Terms, int? Constant);
}
