using Lucene.Net.Tartarus.Snowball.Ext;

namespace ClinicBot.Knowledge.Text;

/// <summary>
/// English Snowball (Porter2) stemming from Lucene.Net's analyzers: "hours"/"hour", "opening"/"open" and
/// "connections"/"connection" meet on one stem. The Snowball stemmer keeps state, so one per thread.
/// </summary>
internal static class WordStemmer
{
    [ThreadStatic] private static EnglishStemmer? _stemmer;

    public static string Stem(string word)
    {
        if (word.Length < 3 || !char.IsLetter(word[0])) return word;
        var stemmer = _stemmer ??= new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
