using System.Globalization;
using System.Net;
using System.Text;

namespace Coordination.Web.Pages.Account;

/// <summary>
/// A QR code (ISO/IEC 18004, model 2) drawn on the server as inline SVG, so the set-up page of two-step sign-in needs no
/// script, no image request and no outside library: byte mode, error correction level M, the smallest version that
/// holds the text, the mask with the lowest penalty.
/// </summary>
public sealed class QrCode
{
    // Level M: error-correction codewords per block and number of blocks, by version (index 0 unused).
    private static readonly int[] EccPerBlock =
        [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];

    private static readonly int[] Blocks =
        [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];

    private const int FormatLevelM = 0;

    private readonly bool[,] _dark;
    private readonly bool[,] _function;

    private QrCode(int version)
    {
        Version = version;
        Size = version * 4 + 17;
        _dark = new bool[Size, Size];
        _function = new bool[Size, Size];
    }

    public int Version { get; }

    /// <summary>Modules per side, without the quiet zone.</summary>
    public int Size { get; }

    /// <summary>Row <paramref name="y"/>, column <paramref name="x"/>.</summary>
    public bool IsDark(int x, int y) => _dark[y, x];

    public static QrCode Encode(string text)
    {
        var data = Encoding.UTF8.GetBytes(text);
        var version = Enumerable.Range(1, 40).FirstOrDefault(v => 4 + CountBits(v) + data.Length * 8 <= DataCodewords(v) * 8);
        if (version == 0)
            throw new ArgumentException("The text is too long for a QR code.", nameof(text));

        var bits = new List<bool>();
        Append(bits, 0b0100, 4);
        Append(bits, data.Length, CountBits(version));
        foreach (var b in data)
            Append(bits, b, 8);
        var capacity = DataCodewords(version) * 8;
        Append(bits, 0, Math.Min(4, capacity - bits.Count));
        Append(bits, 0, (8 - (bits.Count % 8)) % 8);
        for (var pad = 0xEC; bits.Count < capacity; pad ^= 0xEC ^ 0x11)
            Append(bits, pad, 8);

        var codewords = new byte[bits.Count / 8];
        for (var i = 0; i < bits.Count; i++)
        {
            if (bits[i])
                codewords[i >> 3] |= (byte)(1 << (7 - (i & 7)));
        }

        var qr = new QrCode(version);
        qr.DrawFunctionPatterns();
        qr.DrawCodewords(WithErrorCorrection(version, codewords));
        var mask = Enumerable.Range(0, 8).MinBy(m =>
        {
            qr.ApplyMask(m);
            qr.DrawFormatBits(m);
            var penalty = qr.Penalty();
            qr.ApplyMask(m);
            return penalty;
        });
        qr.ApplyMask(mask);
        qr.DrawFormatBits(mask);
        return qr;
    }

    /// <summary>
    /// The code as an <c>&lt;svg&gt;</c> element with a four-module quiet zone; attributes only (no style), so the
    /// Content-Security-Policy needs no exception.
    /// </summary>
    public static string Svg(string text, string label)
    {
        var qr = Encode(text);
        var side = qr.Size + 8;
        var path = new StringBuilder();
        for (var y = 0; y < qr.Size; y++)
        {
            for (var x = 0; x < qr.Size; x++)
            {
                if (qr.IsDark(x, y))
                    path.Append(CultureInfo.InvariantCulture, $"M{x + 4},{y + 4}h1v1h-1z");
            }
        }

        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }

    private static void Append(List<bool> bits, int value, int length)
    {
        for (var i = length - 1; i >= 0; i--)
            bits.Add(((value >> i) & 1) != 0);
    }

    private static int CountBits(int version) => version < 10 ? 8 : 16;

    private static int RawDataModules(int version)
    {
        var result = ((16 * version) + 128) * version + 64;
        if (version >= 2)
        {
            var alignments = (version / 7) + 2;
            result -= ((25 * alignments) - 10) * alignments - 55;
            if (version >= 7)
                result -= 36;
        }

        return result;
    }

    private static int DataCodewords(int version) => (RawDataModules(version) / 8) - (EccPerBlock[version] * Blocks[version]);

    /// <summary>Splits the data into blocks, appends each block's Reed-Solomon codewords and interleaves them.</summary>
    private static byte[] WithErrorCorrection(int version, byte[] data)
    {
        var blockCount = Blocks[version];
        var eccLength = EccPerBlock[version];
        var raw = RawDataModules(version) / 8;
        var shortBlocks = blockCount - (raw % blockCount);
        var shortLength = raw / blockCount;
        var divisor = Generator(eccLength);

        var blocks = new List<byte[]>();
        for (int i = 0, offset = 0; i < blockCount; i++)
        {
            var dataLength = shortLength - eccLength + (i < shortBlocks ? 0 : 1);
            var block = data[offset..(offset + dataLength)];
            offset += dataLength;
            var ecc = Remainder(block, divisor);
            // Short blocks get a placeholder byte so every block has the same length; it is skipped when interleaving.
            blocks.Add([.. block, .. i < shortBlocks ? new byte[] { 0 } : [], .. ecc]);
        }

        var result = new List<byte>(raw);
        for (var i = 0; i < blocks[0].Length; i++)
        {
            for (var j = 0; j < blocks.Count; j++)
            {
                if (i != shortLength - eccLength || j >= shortBlocks)
                    result.Add(blocks[j][i]);
            }
        }

        return [.. result];
    }

    private static byte[] Generator(int degree)
    {
        var result = new byte[degree];
        result[degree - 1] = 1;
        var root = 1;
        for (var i = 0; i < degree; i++)
        {
            for (var j = 0; j < degree; j++)
            {
                result[j] = Multiply(result[j], root);
                if (j + 1 < degree)
                    result[j] ^= result[j + 1];
            }

            root = Multiply(root, 0x02);
        }

        return result;
    }

    private static byte[] Remainder(byte[] data, byte[] divisor)
    {
        var result = new byte[divisor.Length];
        foreach (var b in data)
        {
            var factor = b ^ result[0];
            Array.Copy(result, 1, result, 0, result.Length - 1);
            result[^1] = 0;
            for (var i = 0; i < result.Length; i++)
                result[i] ^= Multiply(divisor[i], factor);
        }

        return result;
    }

    /// <summary>Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1.</summary>
    private static byte Multiply(int x, int y)
    {
        var z = 0;
        for (var i = 7; i >= 0; i--)
        {
            z = (z << 1) ^ ((z >> 7) * 0x11D);
            z ^= ((y >> i) & 1) * x;
        }

        return (byte)z;
    }

    private void SetFunction(int x, int y, bool dark)
    {
        _dark[y, x] = dark;
        _function[y, x] = true;
    }

    private void DrawFunctionPatterns()
    {
        for (var i = 0; i < Size; i++)
        {
            SetFunction(6, i, i % 2 == 0);
            SetFunction(i, 6, i % 2 == 0);
        }

        DrawFinder(3, 3);
        DrawFinder(Size - 4, 3);
        DrawFinder(3, Size - 4);

        var positions = AlignmentPositions();
        for (var i = 0; i < positions.Length; i++)
        {
            for (var j = 0; j < positions.Length; j++)
            {
                var last = positions.Length - 1;
                if ((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0))
                    continue;
                for (var dy = -2; dy <= 2; dy++)
                {
                    for (var dx = -2; dx <= 2; dx++)
                        SetFunction(positions[i] + dx, positions[j] + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
                }
            }
        }

        // Reserve the format areas now; their bits are drawn with the chosen mask.
        DrawFormatBits(0);
        DrawVersionBits();
    }

    private void DrawFinder(int x, int y)
    {
        for (var dy = -4; dy <= 4; dy++)
        {
            for (var dx = -4; dx <= 4; dx++)
            {
                var distance = Math.Max(Math.Abs(dx), Math.Abs(dy));
                int xx = x + dx, yy = y + dy;
                if (xx >= 0 && xx < Size && yy >= 0 && yy < Size)
                    SetFunction(xx, yy, distance != 2 && distance != 4);
            }
        }
    }

    private int[] AlignmentPositions()
    {
        if (Version == 1)
            return [];
        var count = (Version / 7) + 2;
        var step = Version == 32 ? 26 : ((Version * 4) + (count * 2) + 1) / ((count * 2) - 2) * 2;
        var result = new int[count];
        result[0] = 6;
        for (int i = count - 1, position = Size - 7; i >= 1; i--, position -= step)
            result[i] = position;
        return result;
    }

    private void DrawFormatBits(int mask)
    {
        var data = (FormatLevelM << 3) | mask;
        var remainder = data;
        for (var i = 0; i < 10; i++)
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
        var bits = ((data << 10) | remainder) ^ 0x5412;

        for (var i = 0; i <= 5; i++)
            SetFunction(8, i, Bit(bits, i));
        SetFunction(8, 7, Bit(bits, 6));
        SetFunction(8, 8, Bit(bits, 7));
        SetFunction(7, 8, Bit(bits, 8));
        for (var i = 9; i < 15; i++)
            SetFunction(14 - i, 8, Bit(bits, i));

        for (var i = 0; i < 8; i++)
            SetFunction(Size - 1 - i, 8, Bit(bits, i));
        for (var i = 8; i < 15; i++)
            SetFunction(8, Size - 15 + i, Bit(bits, i));
        SetFunction(8, Size - 8, true);
    }

    private void DrawVersionBits()
    {
        if (Version < 7)
            return;
        var remainder = Version;
        for (var i = 0; i < 12; i++)
            remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25);
        var bits = (Version << 12) | remainder;
        for (var i = 0; i < 18; i++)
        {
            var dark = Bit(bits, i);
            int a = Size - 11 + (i % 3), b = i / 3;
            SetFunction(a, b, dark);
            SetFunction(b, a, dark);
        }
    }

    private void DrawCodewords(byte[] codewords)
    {
        var i = 0;
        for (var right = Size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
                right = 5;
            for (var vertical = 0; vertical < Size; vertical++)
            {
                for (var j = 0; j < 2; j++)
                {
                    var x = right - j;
                    var upward = ((right + 1) & 2) == 0;
                    var y = upward ? Size - 1 - vertical : vertical;
                    if (!_function[y, x] && i < codewords.Length * 8)
                    {
                        _dark[y, x] = Bit(codewords[i >> 3], 7 - (i & 7));
                        i++;
                    }
                }
            }
        }
    }

    private void ApplyMask(int mask)
    {
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var invert = mask switch
                {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => ((x / 3) + (y / 2)) % 2 == 0,
                    5 => (x * y % 2) + (x * y % 3) == 0,
                    6 => ((x * y % 2) + (x * y % 3)) % 2 == 0,
                    _ => (((x + y) % 2) + (x * y % 3)) % 2 == 0,
                };
                if (!_function[y, x] && invert)
                    _dark[y, x] = !_dark[y, x];
            }
        }
    }

    /// <summary>The standard's four penalty rules: long runs, 2×2 blocks, finder-like patterns, imbalance of dark and light.</summary>
    private int Penalty()
    {
        var penalty = 0;
        for (var line = 0; line < Size; line++)
        {
            penalty += LinePenalty(x => _dark[line, x]);
            penalty += LinePenalty(y => _dark[y, line]);
        }

        for (var y = 0; y < Size - 1; y++)
        {
            for (var x = 0; x < Size - 1; x++)
            {
                var color = _dark[y, x];
                if (color == _dark[y, x + 1] && color == _dark[y + 1, x] && color == _dark[y + 1, x + 1])
                    penalty += 3;
            }
        }

        var dark = 0;
        foreach (var module in _dark)
            dark += module ? 1 : 0;
        var total = Size * Size;
        penalty += Math.Abs((dark * 20) - (total * 10)) / total * 10;
        return penalty;
    }

    private int LinePenalty(Func<int, bool> module)
    {
        var penalty = 0;
        var run = 1;
        for (var i = 1; i <= Size; i++)
        {
            if (i < Size && module(i) == module(i - 1))
            {
                run++;
                continue;
            }

            if (run >= 5)
                penalty += 3 + (run - 5);
            run = 1;
        }

        // Dark-light-dark(3)-light-dark with four light modules on one side looks like a finder pattern.
        bool[] pattern = [true, false, true, true, true, false, true];
        for (var i = 0; i + 7 <= Size; i++)
        {
            var matches = true;
            for (var k = 0; k < 7 && matches; k++)
                matches = module(i + k) == pattern[k];
            if (!matches)
                continue;
            if (LightRun(module, i - 4, i) || LightRun(module, i + 7, i + 11))
                penalty += 40;
        }

        return penalty;
    }

    /// <summary>Whether modules [from, to) are all light, counting those outside the symbol (the quiet zone) as light.</summary>
    private bool LightRun(Func<int, bool> module, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (i >= 0 && i < Size && module(i))
                return false;
        }

        return true;
    }

    private static bool Bit(int value, int index) => ((value >> index) & 1) != 0;
}
