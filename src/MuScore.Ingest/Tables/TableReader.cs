namespace MuScore.Ingest;

/// <summary>
/// Opens input tables. The content decides the format, never the file name: a zip archive is read
/// as .xlsx, anything else as CSV text. See docs/input-format.md.
/// </summary>
public static class TableReader
{
    /// <summary>
    /// Opens the file at <paramref name="path"/> and reads its header row. Throws
    /// <see cref="TableFormatException"/> when the file is no table (empty, binary, a corrupt
    /// workbook, required columns missing, a column named twice) and <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/> when it cannot be opened.
    /// </summary>
    public static InputTable Open(string path, TableReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            return Open(stream, ownsStream: true, path, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a table held in <paramref name="stream"/> (read from its current position; the caller
    /// keeps ownership and disposes it after the table). <paramref name="displayName"/> names the
    /// table in messages.
    /// </summary>
    public static InputTable Open(Stream stream, string displayName, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        return Open(stream, ownsStream: false, displayName, options);
    }

    /// <summary>The untyped source under an <see cref="InputTable"/>, for readers with their own header rules.</summary>
    internal static ITableSource OpenSource(Stream stream, bool ownsStream, string displayName, TableReadOptions? options)
    {
        options ??= TableReadOptions.Default;
        options.Validate();
        return TableSniffer.Open(stream, ownsStream, displayName, options);
    }

    private static InputTable Open(Stream stream, bool ownsStream, string displayName, TableReadOptions? options)
    {
        var source = OpenSource(stream, ownsStream, displayName, options);
        try
        {
            return new InputTable(source, displayName);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }
}
