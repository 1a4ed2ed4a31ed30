using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>Emits the parameter layout: count, names, constraints, and copying between the members and θ.</summary>
internal static class LayoutEmitter
{
    public static void Emit(IndentedWriter w, ModelSpec model, string generatedCode)
    {
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        w.Line("int " + ModelSurface.Model + "ParameterCount => " + ParameterPreamble.Count(model) + ";");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        w.Line("string " + ModelSurface.Model + "GetParameterName(int index) => " + ModelSurface.This + ".GetParameterInfo(index).Name;");
        w.Line();
        EmitInfo(w, model, generatedCode);
        EmitRead(w, model, generatedCode);
        EmitWrite(w, model, generatedCode);
    }

    private static void EmitInfo(IndentedWriter w, ModelSpec model, string generatedCode)
    {
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("global::MleGen.ParameterInfo " + ModelSurface.Model + "GetParameterInfo(int index)"))
        {
            ParameterPreamble.Offsets(w, model);
            int simplexGroup = 0, orderedGroup = 0;
            foreach (var p in model.Parameters)
            {
                string offset = MemberAccess.OffsetLocal(p.Name);
                string bounds = Literals.Double(p.Lower) + ", " + Literals.Double(p.Upper) + ", " + (p.Simplex ? simplexGroup++ : -1).ToString(System.Globalization.NumberFormatInfo.InvariantInfo)
                    + (p.Ordered ? ") { OrderedGroup = " + (orderedGroup++).ToString(System.Globalization.NumberFormatInfo.InvariantInfo) + " }" : ")");
                string name = Literals.String(p.DisplayName);
                switch (p.Shape)
                {
                    case ParamShape.Scalar:
                        w.Line("if (index == " + offset + ") return new global::MleGen.ParameterInfo(" + name + ", " + bounds + ";");
                        break;
                    case ParamShape.Vector when p.Names is { } names:
                        // The elements are named by the string[] member of [Param(Names = ...)].
                        w.Line("if (index >= " + offset + " && index < " + offset + " + this." + Identifiers.Escape(p.Name) + ".Length) return new global::MleGen.ParameterInfo(global::MleGen.ParameterNaming.ElementName(this." + Identifiers.Escape(names) + ", " + Literals.String(names) + ", " + Literals.String(p.DisplayName) + ", this." + Identifiers.Escape(p.Name) + ".Length, index - " + offset + "), " + bounds + ";");
                        break;
                    case ParamShape.Vector:
                        w.Line("if (index >= " + offset + " && index < " + offset + " + this." + Identifiers.Escape(p.Name) + ".Length) return new global::MleGen.ParameterInfo(" + Literals.String(p.DisplayName + "[") + " + (index - " + offset + ").ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", " + bounds + ";");
                        break;
                    default:
                        using (w.Block("if (index >= " + offset + " && index < " + offset + " + this." + Identifiers.Escape(p.Name) + ".Length)"))
                        {
                            w.Line("int columns = this." + Identifiers.Escape(p.Name) + ".GetLength(1);");
                            w.Line("int row = (index - " + offset + ") / columns, column = (index - " + offset + ") % columns;");
                            w.Line("return new global::MleGen.ParameterInfo(" + Literals.String(p.DisplayName + "[") + " + row.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \",\" + column.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", " + bounds + ";");
                        }

                        break;
                }
            }

            w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(index), index, \"The model has \" + " + ModelSurface.This + ".ParameterCount.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" parameters.\");");
        }

        w.Line();
    }

    private static void EmitRead(IndentedWriter w, ModelSpec model, string generatedCode)
    {
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("void " + ModelSurface.Model + "ReadParameters(global::System.Span<double> theta)"))
        {
            w.Line("__RequireLength(theta.Length, nameof(theta));");
            ParameterPreamble.Offsets(w, model);
            foreach (var p in model.Parameters)
            {
                string offset = MemberAccess.OffsetLocal(p.Name);
                w.Line(p.Shape switch
                {
                    ParamShape.Scalar => "theta[" + offset + "] = this." + Identifiers.Escape(p.Name) + ";",
                    ParamShape.Vector => "new global::System.ReadOnlySpan<double>(this." + Identifiers.Escape(p.Name) + ").CopyTo(theta.Slice(" + offset + "));",
                    _ => MatrixLoop(p.Name, "theta[" + offset + " + r * columns + c] = this." + Identifiers.Escape(p.Name) + "[r, c];"),
                });
            }
        }

        w.Line();
    }

    private static string MatrixLoop(string member, string body) =>
        "for (int r = 0, columns = this." + Identifiers.Escape(member) + ".GetLength(1); r < this." + Identifiers.Escape(member) + ".GetLength(0); r++) for (int c = 0; c < columns; c++) " + body;

    private static void EmitWrite(IndentedWriter w, ModelSpec model, string generatedCode)
    {
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("void " + ModelSurface.Model + "WriteParameters(global::System.ReadOnlySpan<double> theta)"))
        {
            w.Line("__RequireLength(theta.Length, nameof(theta));");
            ParameterPreamble.Offsets(w, model);
            foreach (var p in model.Parameters)
            {
                string offset = MemberAccess.OffsetLocal(p.Name);
                w.Line(p.Shape switch
                {
                    ParamShape.Scalar => "this." + Identifiers.Escape(p.Name) + " = theta[" + offset + "];",
                    ParamShape.Vector => "theta.Slice(" + offset + ", this." + Identifiers.Escape(p.Name) + ".Length).CopyTo(this." + Identifiers.Escape(p.Name) + ");",
                    _ => MatrixLoop(p.Name, "this." + Identifiers.Escape(p.Name) + "[r, c] = theta[" + offset + " + r * columns + c];"),
                });
            }
        }

        w.Line();
        using (w.Block("private void __RequireLength(int length, string name)"))
        {
            foreach (var p in model.Parameters)
            {
                if (p.Shape != ParamShape.Scalar)
                {
                    w.Line("if (this." + Identifiers.Escape(p.Name) + " is null) throw new global::System.InvalidOperationException(" + Literals.String("The [Param] member '" + p.Name + "' is null: assign an array whose shape is the number of parameters.") + ");");
                }
            }

            w.Line("int count = " + ModelSurface.This + ".ParameterCount;");
            w.Line("if (length != count) throw new global::System.ArgumentException(name + \" has \" + length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" elements but the model has \" + count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" parameters.\", name);");
        }

        w.Line();
    }
}
