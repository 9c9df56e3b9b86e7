namespace ThiDua.Dashboard.Export;

/// <summary>
/// Defence against formula (CSV) injection: a spreadsheet runs a text cell that starts with a
/// formula trigger once someone edits or re-imports it, so such text is prefixed with a single
/// quote and stays inert text. Only text passes through here; numbers are written as numbers,
/// so a movement of −2 stays a number.
/// </summary>
public static class FormulaGuard
{
    public const char Prefix = '\'';

    /// <summary>=, +, - and @ start a formula; tab and carriage return are on OWASP's list too, since some programs strip them first.</summary>
    public static bool IsDangerous(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Neutralise(string text) => IsDangerous(text) ? Prefix + text : text;
}
