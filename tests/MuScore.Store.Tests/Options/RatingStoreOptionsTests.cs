using System.ComponentModel.DataAnnotations;

namespace MuScore.Store.Tests.Options;

public sealed class RatingStoreOptionsTests
{
    [Fact]
    public void Defaults_NoConfiguration_SqliteFileInTheWorkingDirectory()
    {
        var options = new RatingStoreOptions();

        Assert.Equal(StoreProvider.Sqlite, options.Provider);
        Assert.Equal("Data Source=muscore.db", options.EffectiveConnectionString);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Validate_PostgresWithoutConnectionString_NamesTheSetting()
    {
        var error = Assert.Single(Validate(new RatingStoreOptions { Provider = StoreProvider.Postgres }));

        Assert.Contains("MuScore:Store:ConnectionString is required", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal([nameof(RatingStoreOptions.ConnectionString)], error.MemberNames);
    }

    [Fact]
    public void Validate_MalformedConnectionString_IsAnError() =>
        Assert.Single(Validate(new RatingStoreOptions { ConnectionString = "Data Source='unterminated" }));

    [Fact]
    public void Validate_UnknownProviderNumber_IsAnError() =>
        Assert.NotEmpty(Validate(new RatingStoreOptions { Provider = (StoreProvider)7 }));

    [Fact]
    public void Create_InvalidOptions_ThrowsValidationException() =>
        Assert.Throws<ValidationException>(() => RatingStoreFactory.Create(new RatingStoreOptions { Provider = StoreProvider.Postgres }));

    [Fact]
    public async Task Initialize_UnreachablePostgres_ThrowsDbException()
    {
        var store = RatingStoreFactory.Create(new RatingStoreOptions { Provider = StoreProvider.Postgres, ConnectionString = "Host=127.0.0.1;Port=1;Database=none;Timeout=2" });
        await using var disposable = (IAsyncDisposable)store;

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.InitializeAsync(CancellationToken.None));
    }

    private static List<ValidationResult> Validate(RatingStoreOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
