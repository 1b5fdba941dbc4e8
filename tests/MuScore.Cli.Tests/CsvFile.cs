using System.Text;

namespace MuScore.Cli.Tests;

/// <summary>A minimal RFC 4180 reader for checking the CSV outputs: header, then rows of cells.</summary>
internal sealed class CsvFile
{
    private CsvFile(string[] headers, List<string[]> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    public string[] Headers { get; }

    public List<string[]> Rows { get; }

    public int Column(string name)
    {
        var index = Array.IndexOf(Headers, name);
        Assert.True(index >= 0, $"no column '{name}'");
        return index;
    }

    public IEnumerable<string> Values(string name)
    {
        var index = Column(name);
        return Rows.Select(r => r[index]);
    }

    public static CsvFile Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var records = Parse(text);
        return new CsvFile(records[0], records.Skip(1).ToList());
    }

    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                records.Add([.. cells]);
                cells.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        return records;
    }
}
