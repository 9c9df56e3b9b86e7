using System.IO.Compression;

namespace ThiDua.Dashboard.Dossier;

/// <summary>The whole dossier in one archive: tờ trình, biên bản, the list, and one báo cáo per proposed collective.</summary>
public static class DossierZip
{
    public const string FileName = "ho-so-de-nghi-khen-thuong.zip";
    public const string ContentType = "application/zip";

    public static byte[] Write(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in files)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                using var target = entry.Open();
                target.Write(content);
            }
        return stream.ToArray();
    }
}
