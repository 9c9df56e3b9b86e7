namespace ThiDua.Scoring.Text;

/// <summary>
/// Joins texts that are whole sentences (a unit's reasons end in a full stop) into a paragraph:
/// each ends with its own stop and a space follows it, so no surface prints a stray
/// "trước ngày 15/04/2024.; Phường …".
/// </summary>
public static class Sentences
{
    public static string Join(IEnumerable<string> sentences) =>
        string.Join(" ", sentences.Select(s => s.Trim().TrimEnd(';', ',').TrimEnd()).Where(s => s.Length > 0).Select(Closed));

    /// <summary>The sentence with a closing full stop, unless it already ends a sentence.</summary>
    private static string Closed(string sentence) => sentence[^1] is '.' or '!' or '?' or '…' ? sentence : sentence + ".";
}
