using Grpc.Core;
using MuScore.Contracts.V1;

namespace MuScore.Server.Wire;

/// <summary>
/// The bind methods named by <c>[BindServiceMethod]</c> on MuScore's service classes.
/// Grpc.AspNetCore finds a service's methods through that attribute (the generated base class
/// carries one naming the generated <c>BindService</c>); the one on the derived class wins, so
/// each service binds through <see cref="CheckedServiceBinder"/> and every request of it is
/// parsed by a checked marshaller. This is the one place where the request bytes of a unary call
/// are parsed, before any interceptor, so it is the only place that can answer for them.
/// </summary>
internal static class CheckedBinding
{
    public static void BindRatingService(ServiceBinderBase binder, RatingService.RatingServiceBase service) =>
        RatingService.BindService(new CheckedServiceBinder(binder), service);

    public static void BindEvaluationService(ServiceBinderBase binder, EvaluationService.EvaluationServiceBase service) =>
        EvaluationService.BindService(new CheckedServiceBinder(binder), service);

    public static void BindPolicyService(ServiceBinderBase binder, PolicyService.PolicyServiceBase service) =>
        PolicyService.BindService(new CheckedServiceBinder(binder), service);

    public static void BindAuditService(ServiceBinderBase binder, AuditService.AuditServiceBase service) =>
        AuditService.BindService(new CheckedServiceBinder(binder), service);

    public static void BindReviewService(ServiceBinderBase binder, ReviewService.ReviewServiceBase service) =>
        ReviewService.BindService(new CheckedServiceBinder(binder), service);
}
