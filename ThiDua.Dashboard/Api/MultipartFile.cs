namespace ThiDua.Dashboard.Api;

/// <summary>
/// The one reading of an uploaded file from a multipart/form-data body (the part <see cref="ImportEndpoints.FilePart"/>),
/// shared by the figure import and the campaign unit list: a body that cannot be read is a Vietnamese 400, never a 500.
/// </summary>
internal static class MultipartFile
{
    /// <param name="unreadable">The 400's detail when the body cannot be read (each caller states its own limits).</param>
    /// <returns>The file (null when the body is not a form or has no such part), or the refusal.</returns>
    public static async Task<(IFormFile? File, IResult? Refused)> ReadAsync(HttpRequest request, string unreadable, ILogger? logger, CancellationToken ct)
    {
        try
        {
            return (request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile(ImportEndpoints.FilePart) : null, null);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            // A malformed multipart body, one over the size limit, or one cut short (IOException "Unexpected end of stream").
            logger?.LogWarning(e, "Import refused: the multipart body could not be read");
            return (null, Problems.BadRequest("Không đọc được tệp gửi lên", unreadable));
        }
    }
}
