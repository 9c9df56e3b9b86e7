using Microsoft.Extensions.Options;

namespace ThiDua.Dashboard.Dossier;

/// <summary>Each file of the dossier, built from one snapshot of the proposal so every file says the same.</summary>
public sealed class DossierService(DossierSource source, IOptions<DossierOptions> options)
{
    private DossierOptions Options => options.Value;

    /// <summary>The fixed proposal's dossier once the City Office has selected, else the live draft as of <paramref name="asOf"/>.</summary>
    public Task<AwardDossier> CurrentAsync(DateOnly asOf, CancellationToken cancellationToken = default) => source.CurrentAsync(asOf, cancellationToken);

    public byte[] ToTrinh(AwardDossier dossier) => ToTrinhDocument.Write(dossier, Options);

    public byte[] BienBan(AwardDossier dossier) => BienBanDocument.Write(dossier, Options);

    public byte[] DanhSach(AwardDossier dossier) => DanhSachWorkbook.Write(dossier, Options);

    /// <returns>Null when there is no unit with this code.</returns>
    public byte[]? BaoCao(AwardDossier dossier, string unit) =>
        source.Unit(unit, dossier) is { } achievement ? BaoCaoDocument.Write(dossier, achievement, Options) : null;

    public byte[] Zip(AwardDossier dossier)
    {
        var files = new List<(string, byte[])>
        {
            (ToTrinhDocument.FileName, ToTrinh(dossier)),
            (BienBanDocument.FileName, BienBan(dossier)),
            (DanhSachWorkbook.FileName, DanhSach(dossier)),
        };
        foreach (var unit in dossier.Collectives.Select(c => c.Unit).Distinct(StringComparer.Ordinal))
            if (BaoCao(dossier, unit) is { } report) files.Add((BaoCaoDocument.FileName(unit), report));
        return DossierZip.Write(files);
    }
}
