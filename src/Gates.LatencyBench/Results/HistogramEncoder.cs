using System.IO.Compression;
using HdrHistogram;
using HdrHistogram.Encoding;
using HdrHistogram.Utilities;

namespace Gates.LatencyBench.Results;

/// <summary>
/// One histogram in HdrHistogram's compressed V2 encoding, as every implementation reads it: the cookie
/// 0x1c849304 and the compressed length (both big-endian), then a complete zlib stream (header, deflate data with
/// its final block, adler-32 checksum) of the uncompressed V2 encoding.
/// </summary>
internal static class HistogramEncoder
{
    private const int CompressedCookie = 0x1c849304;

    public static byte[] Compress(HistogramBase histogram)
    {
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = histogram.Encode(buffer, HistogramEncoderV2.Instance);
        var plain = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            plain[i] = buffer.Get();
        }

        using var zlib = new MemoryStream();
        using (var z = new ZLibStream(zlib, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(plain);
        }

        var compressed = zlib.ToArray();
        var result = new byte[8 + compressed.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(result, CompressedCookie);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(4), compressed.Length);
        compressed.CopyTo(result, 8);
        return result;
    }
}
