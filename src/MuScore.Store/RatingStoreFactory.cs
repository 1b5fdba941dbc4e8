using System.ComponentModel.DataAnnotations;
using MuScore.Store.Audit;
using MuScore.Store.Postgres;
using MuScore.Store.Sqlite;

namespace MuScore.Store;

/// <summary>Builds the configured <see cref="IRatingStore"/>.</summary>
public static class RatingStoreFactory
{
    /// <summary>
    /// A store for the options (validated first). The caller runs
    /// <see cref="IRatingStore.InitializeAsync"/> before first use. The store owns pooled
    /// connections and implements <see cref="IAsyncDisposable"/>: dispose it when done (a DI
    /// container does so for a singleton).
    /// </summary>
    /// <exception cref="ValidationException">The options are invalid; the message says which setting and why.</exception>
    public static IRatingStore Create(RatingStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new ValidationException(string.Join(" ", results.Select(r => r.ErrorMessage)));
        }

        return options.Provider switch
        {
            StoreProvider.Postgres => new PostgresRatingStore(options.EffectiveConnectionString),
            _ => new SqliteRatingStore(options.EffectiveConnectionString),
        };
    }

    /// <summary>
    /// The audit log of a store made by <see cref="Create"/>: the same object, on the same database
    /// (register it beside the store; dispose only the store).
    /// </summary>
    /// <exception cref="ArgumentException">The store was not made by <see cref="Create"/>.</exception>
    public static IAuditLog AuditLogOf(IRatingStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IAuditLog ?? throw new ArgumentException($"{store.GetType().Name} keeps no audit log; use a store made by RatingStoreFactory.Create", nameof(store));
    }

    /// <summary>The review records of a store made by <see cref="Create"/>: the same object, on the same database.</summary>
    /// <exception cref="ArgumentException">The store was not made by <see cref="Create"/>.</exception>
    public static Review.IReviewStore ReviewStoreOf(IRatingStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as Review.IReviewStore ?? throw new ArgumentException($"{store.GetType().Name} keeps no review records; use a store made by RatingStoreFactory.Create", nameof(store));
    }
}
