namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// Who issues the award dossier and who signs it (section <c>ThiDua:Dossier</c>). The texts are the
/// operator's: a city, an office or a signer changes without a rebuild, so the generator names none.
/// </summary>
public sealed class DossierOptions
{
    public const string SectionName = "ThiDua:Dossier";

    /// <summary>The issuing body's superior, printed in capitals above it (Nghị định 30/2020, Phụ lục I).</summary>
    public string IssuerParent { get; set; } = "ỦY BAN NHÂN DÂN";

    /// <summary>The issuing body (the proposing level), printed bold in capitals.</summary>
    public string Issuer { get; set; } = "VĂN PHÒNG";

    /// <summary>The issuing body as running text names it ("Văn phòng Ủy ban nhân dân thành phố").</summary>
    public string IssuerFullName { get; set; } = "Văn phòng Ủy ban nhân dân";

    /// <summary>The issuer's abbreviation in the document number: "Số: …/TTr-{IssuerCode}".</summary>
    public string IssuerCode { get; set; } = "VP";

    /// <summary>The place name before the date: "{Place}, ngày … tháng … năm …".</summary>
    public string Place { get; set; } = "";

    /// <summary>The body the tờ trình is addressed to ("Kính gửi: …").</summary>
    public string Recipient { get; set; } = "Ban Thi đua - Khen thưởng";

    /// <summary>The award proposed, as the documents name it.</summary>
    public string AwardName { get; set; } = "Bằng khen của Chủ tịch Ủy ban nhân dân";

    /// <summary>Whose decision the tờ trình asks for.</summary>
    public string DecisionMaker { get; set; } = "Chủ tịch Ủy ban nhân dân";

    /// <summary>The signer's authority line above the title (e.g. "KT. CHÁNH VĂN PHÒNG"); empty when the head signs.</summary>
    public string SignerAuthority { get; set; } = "";

    public string SignerTitle { get; set; } = "CHÁNH VĂN PHÒNG";

    /// <summary>Empty until known: the signature block then leaves the name to be written in.</summary>
    public string SignerName { get; set; } = "";

    /// <summary>The "Căn cứ …" lines of the tờ trình, in order.</summary>
    public List<string> LegalGrounds { get; set; } = [];

    /// <summary>"Nơi nhận:" lines at the foot of the tờ trình.</summary>
    public List<string> Recipients { get; set; } = [];
}
