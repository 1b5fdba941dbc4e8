using MuScore.Contracts.V1;
using MuScore.Core.Schemes;
using MuScore.Server.Errors;
using MuScore.Server.Validation;

namespace MuScore.Server.Evaluation;

/// <summary>The scheme a run header names: a preset by name, or inline JSON validated like a scheme file.</summary>
internal static class SchemeResolver
{
    /// <summary>The scheme, or null with the reasons added to <paramref name="violations"/>.</summary>
    public static Scheme? Resolve(RunHeader header, Violations violations)
    {
        switch (header.SchemeCase)
        {
            case RunHeader.SchemeOneofCase.SchemeName:
                if (SchemePresets.TryGet(header.SchemeName, out var preset))
                {
                    return preset;
                }

                violations.Add("header.scheme_name", FieldRules.Unknown, $"unknown scheme preset '{EchoText.Bound(header.SchemeName)}'; known: {string.Join(", ", SchemePresets.Names)}");
                return null;

            case RunHeader.SchemeOneofCase.SchemeJson:
                var result = SchemeJson.Parse(header.SchemeJson);
                if (result.IsValid)
                {
                    return result.Scheme;
                }

                // The JSON path continues the request field path: header.scheme_json.pools[1].indicators[0].weight.
                foreach (var error in result.Errors)
                {
                    var field = error.Path == "$" ? "header.scheme_json" : $"header.scheme_json.{error.Path}";
                    violations.Add(field, "scheme_invalid", error.Message);
                }

                return null;

            default:
                violations.Add("header.scheme", FieldRules.Required, "a scheme is required: scheme_name (a preset) or scheme_json (a scheme file's text)");
                return null;
        }
    }
}
