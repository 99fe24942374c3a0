using System.Reflection;
using System.Reflection.Emit;

namespace Kith.Architecture.Tests.Il;

/// <summary>
/// Operand layout of every IL instruction (ECMA-335 Partition III), taken from <see cref="OpCodes"/> so the walker
/// never guesses: a wrong size would silently desynchronise the scan and hide calls.
/// </summary>
internal static class OpCodeTable
{
    private static readonly OpCode?[] OneByte = new OpCode?[256];
    private static readonly OpCode?[] TwoByte = new OpCode?[256];

    static OpCodeTable()
    {
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            ushort value = unchecked((ushort)code.Value);
            if (code.Size == 1)
            {
                OneByte[value] = code;
            }
            else
            {
                TwoByte[value & 0xFF] = code;
            }
        }
    }

    /// <summary>Reads one opcode at <paramref name="offset"/>, advancing past it.</summary>
    public static OpCode Read(byte[] il, ref int offset)
    {
        byte first = il[offset++];
        OpCode? code = first == 0xFE ? TwoByte[il[offset++]] : OneByte[first];
        return code ?? throw new InvalidOperationException($"Unknown IL opcode 0x{first:x2} at {offset - 1}.");
    }

    /// <summary>Operand size in bytes; <c>switch</c> reads its own length.</summary>
    public static int OperandSize(OpCode code, byte[] il, int offset) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, offset)),
        _ => 4,
    };

    /// <summary>Whether the operand is a metadata token naming a type, field or method.</summary>
    public static bool HasMemberToken(OpCode code) => code.OperandType is
        OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType;
}
