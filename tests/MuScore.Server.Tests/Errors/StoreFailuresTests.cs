using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using MuScore.Server.Errors;
using Npgsql;

namespace MuScore.Server.Tests.Errors;

public sealed class StoreFailuresTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(10)]
    [InlineData(14)]
    public void IsUnavailable_SqliteBusyLockedIoOrCantOpen_True(int code) =>
        Assert.True(StoreFailures.IsUnavailable(new SqliteException("database is busy", code)));

    [Theory]
    [InlineData(1)]
    [InlineData(19)]
    public void IsUnavailable_SqliteErrorOrConstraint_False(int code) =>
        Assert.False(StoreFailures.IsUnavailable(new SqliteException("SQL logic error", code)));

    [Fact]
    public void IsUnavailable_PostgresConnectionRefused_True() =>
        Assert.True(StoreFailures.IsUnavailable(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));

    [Fact]
    public void IsUnavailable_WrappedTimeout_True() =>
        Assert.True(StoreFailures.IsUnavailable(new InvalidOperationException("outer", new TimeoutException())));

    [Fact]
    public void IsUnavailable_Bug_False() =>
        Assert.False(StoreFailures.IsUnavailable(new InvalidOperationException("a bug")));
}
