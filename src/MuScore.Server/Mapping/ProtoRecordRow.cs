using MuScore.Contracts.V1;
using MuScore.Core.Records;
using ProtoRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Server.Mapping;

/// <summary>
/// A streamed <see cref="ProtoRecord"/> as a raw row, so that gRPC input is validated and hashed
/// exactly like a file row (every field is cell text). <see cref="RowNumber"/> is the
/// record's 1-based position in the stream plus one (as if the stream were a table under a
/// header row), so that a rejected record's number is its position in the stream.
/// </summary>
internal sealed class ProtoRecordRow(ProtoRecord record, int recordNumber) : IRawRow
{
    public int RowNumber { get; } = recordNumber + 1;

    /// <summary>An all-default message: every text empty.</summary>
    public bool IsBlank
    {
        get
        {
            // A plain loop: this runs once per record of a million-record upload.
            for (var i = 0; i < FieldCatalog.Count; i++)
            {
                if (Text((Field)i).Length > 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public ReadOnlySpan<char> Cell(Field field) => Text(field);

    private string Text(Field field) => EnterpriseRecordFields.Get(record, field);
}
