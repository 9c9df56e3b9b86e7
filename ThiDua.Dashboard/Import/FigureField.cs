namespace ThiDua.Dashboard.Import;

/// <summary>The five columns of an import file, in the order errors are listed within a row.</summary>
public enum FigureField
{
    Unit,
    AsOf,
    Indicator,
    Numerator,
    Denominator,
}

/// <summary>The accepted header names of each field and the API field name the validator reports.</summary>
public static class FigureFields
{
    public static readonly IReadOnlyList<FigureField> All = Enum.GetValues<FigureField>();

    /// <summary>The field name used by the API and <see cref="ThiDua.Scoring.Figures.FigureError.Field"/>.</summary>
    public static string English(FigureField field) => field switch
    {
        FigureField.Unit => "unit",
        FigureField.AsOf => "asOf",
        FigureField.Indicator => "indicator",
        FigureField.Numerator => "numerator",
        _ => "denominator",
    };

    /// <summary>The header of the Vietnamese template.</summary>
    public static string Vietnamese(FigureField field) => field switch
    {
        FigureField.Unit => "ma_don_vi",
        FigureField.AsOf => "ngay_so_lieu",
        FigureField.Indicator => "chi_tieu",
        FigureField.Numerator => "tu_so",
        _ => "mau_so",
    };

    /// <summary>Which field a header names, in either language, ignoring case and surrounding spaces.</summary>
    public static FigureField? FromHeader(string header)
    {
        var name = header.Trim().Trim('\uFEFF').Trim();
        foreach (var field in All)
        {
            if (string.Equals(name, English(field), StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, Vietnamese(field), StringComparison.OrdinalIgnoreCase))
                return field;
        }
        return null;
    }

    /// <summary>Maps a validator's field name back to the column.</summary>
    public static FigureField? FromApiName(string name)
    {
        foreach (var field in All)
            if (string.Equals(name, English(field), StringComparison.Ordinal)) return field;
        return null;
    }
}
