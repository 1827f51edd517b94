using System.Net.Sockets;
using System.Text;

namespace ApiFrontend.Tests.Media;

/// <summary>
/// An upload over a bare socket: a chunked multipart body that keeps coming while the answer is read
/// concurrently, the way a browser or curl behaves when a server answers before the body is complete.
/// </summary>
public static class RawUpload
{
    /// <summary>
    /// Sends <paramref name="header"/> then zeros up to <paramref name="totalBytes"/>, stopping as soon as an
    /// answer arrives; returns its status and how many bytes had gone out by then.
    /// </summary>
    public static async Task<(int Status, long Sent)> SendChunkedAsync(Uri server, string token, byte[] header, long totalBytes)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        const string boundary = "raw-upload-boundary";
        var head = $"POST /api/v1/media HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {token}\r\n" +
                   $"Content-Type: multipart/form-data; boundary={boundary}\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var answer = ReadStatusAsync(stream);
        var preamble = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        long sent = 0;
        try
        {
            await WriteChunkAsync(stream, preamble);
            await WriteChunkAsync(stream, header);
            sent += header.Length;
            var zeros = new byte[64 * 1024];
            while (sent < totalBytes && !answer.IsCompleted)
            {
                await WriteChunkAsync(stream, zeros);
                sent += zeros.Length;
            }
        }
        catch (IOException)
        {
            // The server closed the connection: exactly what a refused upload should end with.
        }

        return (await answer.WaitAsync(TimeSpan.FromSeconds(30)), sent);
    }

    private static async Task WriteChunkAsync(Stream stream, byte[] data)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:X}\r\n"));
        await stream.WriteAsync(data);
        await stream.WriteAsync("\r\n"u8.ToArray());
    }

    private static async Task<int> ReadStatusAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1 && one[0] != (byte)'\n')
        {
            line.Append((char)one[0]);
        }

        // "HTTP/1.1 413 Payload Too Large"
        var parts = line.ToString().Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : -1;
    }
}
