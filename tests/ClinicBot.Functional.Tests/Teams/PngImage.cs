using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ClinicBot.Tests.Teams;

/// <summary>
/// A minimal PNG reader for checking icons: validates the signature and chunk CRCs, reads IHDR and
/// decodes 8-bit, non-interlaced greyscale, RGB, palette, grey+alpha and RGBA images into RGBA pixels.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte bitDepth, byte colorType, bool hasTransparencyChunk, byte[] rgba)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        HasAlpha = colorType is 4 or 6 || hasTransparencyChunk;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.</summary>
    public byte ColorType { get; }

    /// <summary>True when the image carries transparency (an alpha channel or a tRNS chunk).</summary>
    public bool HasAlpha { get; }

    public Rgba Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return new Rgba(_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
    }

    public IEnumerable<(int X, int Y, Rgba Color)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return (x, y, Pixel(x, y));
            }
        }
    }

    public static PngImage Read(string path) => Read(File.ReadAllBytes(path));

    public static PngImage Read(byte[] file)
    {
        if (file.Length < Signature.Length || !file.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file (bad signature)");
        }

        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0, interlace = 0;
        byte[]? palette = null;
        byte[]? transparency = null;
        using var compressed = new MemoryStream();
        var offset = Signature.Length;
        var sawHeader = false;
        var sawEnd = false;
        while (!sawEnd)
        {
            if (offset + 12 > file.Length)
            {
                throw new InvalidDataException("truncated PNG: no IEND chunk");
            }

            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset)));
            if (offset + 12 + length > file.Length)
            {
                throw new InvalidDataException("truncated PNG chunk");
            }

            var typeAndData = file.AsSpan(offset + 4, 4 + length);
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            var data = typeAndData[4..];
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset + 8 + length));
            if (Crc32.Compute(typeAndData) != storedCrc)
            {
                throw new InvalidDataException($"PNG chunk {type} has a bad CRC");
            }

            switch (type)
            {
                case "IHDR":
                    width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data));
                    height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                    bitDepth = data[8];
                    colorType = data[9];
                    interlace = data[12];
                    sawHeader = true;
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }

            offset += 12 + length;
        }

        if (!sawHeader)
        {
            throw new InvalidDataException("PNG has no IHDR chunk");
        }

        if (bitDepth != 8 || interlace != 0)
        {
            throw new NotSupportedException($"only 8-bit non-interlaced PNGs are read here (bit depth {bitDepth}, interlace {interlace})");
        }

        var channels = colorType switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            6 => 4,
            _ => throw new InvalidDataException($"invalid PNG colour type {colorType}"),
        };
        if (colorType == 3 && palette is null)
        {
            throw new InvalidDataException("palette PNG without a PLTE chunk");
        }

        var raw = Inflate(compressed.ToArray());
        var scanlines = Unfilter(raw, width, height, channels);
        var rgba = ToRgba(scanlines, width, height, colorType, palette, transparency);
        return new PngImage(width, height, bitDepth, colorType, transparency is not null, rgba);
    }

    private static byte[] Inflate(byte[] zlibData)
    {
        using var input = new MemoryStream(zlibData);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        if (raw.Length < height * (stride + 1))
        {
            throw new InvalidDataException("PNG image data is shorter than its dimensions need");
        }

        var result = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var line = result.AsSpan(y * stride, stride);
            var previous = y > 0 ? result.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0;
                int up = previous[i];
                int upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"invalid PNG filter type {filter} on line {y}"),
                };
                line[i] = (byte)(source[i] + predictor);
            }
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int width, int height, byte colorType, byte[]? palette, byte[]? transparency)
    {
        var rgba = new byte[width * height * 4];
        for (var p = 0; p < width * height; p++)
        {
            byte r, g, b, a;
            switch (colorType)
            {
                case 0:
                    r = g = b = pixels[p];
                    a = transparency is { Length: >= 2 } && transparency[1] == r && transparency[0] == 0 ? (byte)0 : (byte)255;
                    break;
                case 2:
                    (r, g, b) = (pixels[p * 3], pixels[(p * 3) + 1], pixels[(p * 3) + 2]);
                    a = transparency is { Length: >= 6 } && transparency[1] == r && transparency[3] == g && transparency[5] == b
                        ? (byte)0
                        : (byte)255;
                    break;
                case 3:
                    var index = pixels[p];
                    if ((index * 3) + 2 >= palette!.Length)
                    {
                        throw new InvalidDataException($"palette index {index} out of range");
                    }

                    (r, g, b) = (palette[index * 3], palette[(index * 3) + 1], palette[(index * 3) + 2]);
                    a = transparency is not null && index < transparency.Length ? transparency[index] : (byte)255;
                    break;
                case 4:
                    r = g = b = pixels[p * 2];
                    a = pixels[(p * 2) + 1];
                    break;
                default:
                    (r, g, b, a) = (pixels[p * 4], pixels[(p * 4) + 1], pixels[(p * 4) + 2], pixels[(p * 4) + 3]);
                    break;
            }

            rgba[p * 4] = r;
            rgba[(p * 4) + 1] = g;
            rgba[(p * 4) + 2] = b;
            rgba[(p * 4) + 3] = a;
        }

        return rgba;
    }

    public readonly record struct Rgba(byte R, byte G, byte B, byte A)
    {
        public bool IsWhite => R == 255 && G == 255 && B == 255;
    }

    private static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public static uint Compute(ReadOnlySpan<byte> bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc ^ 0xFFFFFFFFu;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (var n = 0u; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
