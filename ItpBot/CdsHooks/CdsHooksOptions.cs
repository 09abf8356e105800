namespace ItpBot.CdsHooks;

/// <summary>Settings of the CDS Hooks service. Bound from the <c>CdsHooks</c> configuration section.</summary>
public sealed class CdsHooksOptions
{
    public const string Section = "CdsHooks";

    /// <summary>
    /// The base URL the EHR calls (e.g. <c>https://itpbot.example.org</c>). JWT audiences and the full-assessment links
    /// are built from it; empty means the scheme and host of each request, which is wrong behind a proxy.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Larger request bodies are refused with 413 (the same default as <c>Bot:MaxRequestBytes</c>).</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Deeper JSON is refused with 400.</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>How long the service waits for the EHR's FHIR server, per query, when prefetch is missing.</summary>
    public TimeSpan FhirRequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The label shown as each card's source.</summary>
    public string SourceLabel { get; set; } = "ItpBot";

    public CdsAuthenticationOptions Authentication { get; set; } = new();

    public AssessmentLinkOptions Links { get; set; } = new();
}

/// <summary>How the EHR's JWT is checked (CDS Hooks 2.0, "Trusting CDS Clients").</summary>
public sealed class CdsAuthenticationOptions
{
    /// <summary>
    /// Accept calls without a JWT. Honoured only when the host runs in the Development environment; anywhere else it is
    /// ignored with a warning at start-up.
    /// </summary>
    public bool Disabled { get; set; }

    /// <summary>The EHRs (JWT issuers) allowed to call, each with its keys.</summary>
    public List<TrustedIssuer> TrustedIssuers { get; set; } = [];

    /// <summary>Allowed difference between the EHR's clock and ours for <c>exp</c> and <c>iat</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long fetched JWKS are reused before they are fetched again.</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>One EHR allowed to call: its <c>iss</c> and where its public keys are.</summary>
public sealed class TrustedIssuer
{
    /// <summary>The exact <c>iss</c> claim.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The issuer's JWK Set URL (https; plain http only on loopback). A <c>jku</c> header must equal it.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>The issuer's JWK Set as JSON, when it is exchanged out of band instead of fetched.</summary>
    public string? Jwks { get; set; }
}

/// <summary>The short-lived signed links from a card to the full assessment.</summary>
public sealed class AssessmentLinkOptions
{
    /// <summary>How long a link works; the case behind it is forgotten then.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>HMAC key (base64, at least 32 bytes). Empty: a random key per process, so links die with it.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Cases held at once; the oldest are dropped beyond it.</summary>
    public int MaxEntries { get; set; } = 10_000;
}
