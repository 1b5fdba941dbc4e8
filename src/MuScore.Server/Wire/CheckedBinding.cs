using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
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

    // JSON transcoding finds a service's google.api.http rules through a static Descriptor
    // property on the class that declares the bind method, as on the generated service class, so
    // each service binds through a class of its own (without one, transcoding warns at start).

    /// <summary>RatingService's checked binding, with its descriptor for JSON transcoding.</summary>
    public static class Rating
    {
        public static ServiceDescriptor Descriptor => RatingService.Descriptor;

        public static void BindService(ServiceBinderBase binder, RatingService.RatingServiceBase service) => BindRatingService(binder, service);
    }

    /// <summary>PolicyService's checked binding, with its descriptor for JSON transcoding.</summary>
    public static class Policy
    {
        public static ServiceDescriptor Descriptor => PolicyService.Descriptor;

        public static void BindService(ServiceBinderBase binder, PolicyService.PolicyServiceBase service) => BindPolicyService(binder, service);
    }

    /// <summary>EvaluationService's checked binding, with its descriptor for JSON transcoding.</summary>
    public static class Evaluation
    {
        public static ServiceDescriptor Descriptor => EvaluationService.Descriptor;

        public static void BindService(ServiceBinderBase binder, EvaluationService.EvaluationServiceBase service) => BindEvaluationService(binder, service);
    }

    /// <summary>AuditService's checked binding, with its descriptor for JSON transcoding.</summary>
    public static class Audit
    {
        public static ServiceDescriptor Descriptor => AuditService.Descriptor;

        public static void BindService(ServiceBinderBase binder, AuditService.AuditServiceBase service) => BindAuditService(binder, service);
    }

    /// <summary>ReviewService's checked binding, with its descriptor for JSON transcoding.</summary>
    public static class Review
    {
        public static ServiceDescriptor Descriptor => ReviewService.Descriptor;

        public static void BindService(ServiceBinderBase binder, ReviewService.ReviewServiceBase service) => BindReviewService(binder, service);
    }
}
