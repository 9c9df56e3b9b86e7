using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ThiDua.Dashboard.Tests.Accounts;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>ThiDua:Ingest:MaxBodyBytes on POST /api/v1/figures: enforced while reading, with or without a Content-Length.</summary>
public sealed class FiguresBodyLimitTests : FiguresEdgeTest
{
    private const string Item = """{"unit":"p-an-hoa","asOf":"2024-06-30","indicator":"c","numerator":825,"denominator":1000}""";

    private const long SixteenMiB = 16L * 1024 * 1024;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostFigures_BodyOverTheDefault16MiB_413ProblemAndNothingStored(bool chunked)
    {
        // Arrange: one valid item, then enough JSON whitespace to pass 16 MiB; read whole, it would be stored.
        var body = Padded(SixteenMiB + 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/figures") { Content = chunked ? new UnknownLengthContent(body) : new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // As a client sending a large body should: the 413 then arrives before (or while) the body is sent,
        // instead of a reset connection when the server stops reading.
        request.Headers.ExpectContinue = true;

        // A busy machine may take longer than HttpClient's 1 s default to answer the 100-continue; the client would
        // then send the 16 MiB anyway and meet the 413 as a broken pipe. The client this test is about waits.
        using var patient = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) }) { BaseAddress = Host.BaseAddress };
        patient.DefaultRequestHeaders.Add("X-Api-Key", AccessHost.ConfigKey);

        // Act
        using var response = await patient.SendAsync(request);

        // Assert
        Assert.Equal(chunked, request.Content.Headers.ContentLength is null);
        var message = await ProblemAssert.WholeBody(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Nội dung gửi lên lớn hơn giới hạn 16.777.216 byte một lần gửi; hãy chia số liệu thành nhiều lô. Không dòng nào được lưu.", message);
        await AssertNothingStored();
    }

    [Fact]
    public async Task PostFigures_MaxBodyBytesAboveKestrelsOwnLimit_A31MBBodyIsRead()
    {
        // Arrange: Kestrel's own limit is 30,000,000 bytes; the setting, not Kestrel, decides for this endpoint.
        Start(new Dictionary<string, string?> { ["ThiDua:Ingest:MaxBodyBytes"] = (48L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var body = Padded(31_000_000);

        // Act
        using var response = await Writer().PostAsync("api/v1/figures", new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await Host.FigureCount());
    }

    [Fact]
    public async Task PostFigures_ChunkedBodyOverASmallMaxBodyBytes_413NamingTheSetting()
    {
        // Arrange
        Start(new Dictionary<string, string?> { ["ThiDua:Ingest:MaxBodyBytes"] = "1024" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/figures") { Content = new UnknownLengthContent(Padded(4096)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        // Act
        using var response = await Writer().SendAsync(request);

        // Assert
        var message = await ProblemAssert.WholeBody(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1.024 byte", message);
        await AssertNothingStored();
    }

    /// <summary>A one-item batch of exactly this many bytes (the item first, whitespace after it).</summary>
    private static byte[] Padded(long length)
    {
        var head = Encoding.UTF8.GetBytes("[" + Item);
        var body = new byte[length];
        body.AsSpan().Fill((byte)' ');
        head.CopyTo(body, 0);
        body[^1] = (byte)']';
        return body;
    }

    /// <summary>Content whose length is not known in advance, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        private const int Chunk = 64 * 1024;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += Chunk)
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(Chunk, bytes.Length - offset)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
