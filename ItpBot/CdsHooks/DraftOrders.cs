using System.Text.Json;
using Hl7.Fhir.Model;

namespace ItpBot.CdsHooks;

/// <summary>An ITP therapy being ordered: the draft resource, its relative id, and what it was recognised as.</summary>
public sealed record DraftOrder(string? ResourceId, string Therapy, string Name, Resource Resource);

/// <summary>Reads the ITP therapies from <c>context.draftOrders</c> (order-select: only those in <c>context.selections</c>).</summary>
public sealed class DraftOrders(Terminology terminology)
{
    public IReadOnlyList<DraftOrder> Read(JsonElement context, string hook)
    {
        if (context.ValueKind != JsonValueKind.Object || !context.TryGetProperty("draftOrders", out var json)) return [];
        if (FhirJson.Parse(json) is not { } parsed) return [];
        var resources = FhirJson.Flatten(parsed);

        HashSet<string>? selected = null;
        if (hook == CdsServiceCatalog.OrderSelect && context.TryGetProperty("selections", out var selections) && selections.ValueKind == JsonValueKind.Array)
            selected = selections.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToHashSet(StringComparer.Ordinal);

        var orders = new List<DraftOrder>();
        foreach (var resource in resources)
        {
            var id = resource.Id is null ? null : $"{resource.TypeName}/{resource.Id}";
            if (selected is not null && (id is null || !selected.Contains(id))) continue;
            if (Recognise(resource) is { } order) orders.Add(order with { ResourceId = id });
        }
        return orders;
    }

    private DraftOrder? Recognise(Resource resource)
    {
        switch (resource)
        {
            case MedicationRequest request:
                var concept = FhirProfileMapper.MedicationConcept(request.Medication, request.Contained, null);
                var drug = concept is null ? null : terminology.Drug(FhirProfileMapper.Codings(concept).Select(c => (c.System, c.Code, c.Display)), concept.Text);
                return drug?.Therapy is { } therapy ? new DraftOrder(null, therapy, drug.Generic, request) : null;
            case ServiceRequest service when FhirProfileMapper.Codings(service.Code).Any(c =>
                    c.System == ClinicalCodes.Snomed && c.Code is not null && ClinicalCodes.Splenectomy.Contains(c.Code)):
                return new DraftOrder(null, Knowledge.Model.TherapyIds.Splenectomy, "splenectomy", service);
            default:
                return null;
        }
    }
}
