using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Gates.Core;

namespace Gates.LatencyBench.Http.Tls;

/// <summary>
/// How https endpoints are trusted: the system trust store by default; <c>--ca-cert FILE</c> trusts the PEM
/// certificates in FILE instead (a private CA or a self-signed test server); <c>--insecure</c> accepts any certificate.
/// The host name is always checked unless <c>--insecure</c> is given.
/// </summary>
internal sealed class TlsSettings
{
    private readonly X509Certificate2Collection? roots;

    private TlsSettings(X509Certificate2Collection? roots, bool insecure, string? caFile)
    {
        this.roots = roots;
        Insecure = insecure;
        CaFile = caFile;
    }

    public static TlsSettings Default { get; } = new(null, false, null);

    public bool Insecure { get; }

    public string? CaFile { get; }

    public static TlsSettings Create(string? caFile, bool insecure)
    {
        if (caFile is not null && insecure)
        {
            throw new GateInputException("give either --ca-cert (trust these certificates) or --insecure (trust any certificate), not both");
        }

        if (caFile is null)
        {
            return insecure ? new TlsSettings(null, true, null) : Default;
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new GateInputException($"--ca-cert {caFile}: cannot read PEM certificates: {e.Message}");
        }

        return roots.Count == 0
            ? throw new GateInputException($"--ca-cert {caFile}: no PEM certificate (-----BEGIN CERTIFICATE-----) in the file")
            : new TlsSettings(roots, false, caFile);
    }

    /// <summary>What the run records about trust ("system", "ca-cert FILE" or "insecure").</summary>
    public string Describe() => Insecure ? "insecure (no certificate check)" : CaFile is { } f ? $"ca-cert {Path.GetFileName(f)}" : "system trust store";

    public SslClientAuthenticationOptions ClientOptions(string host) => new()
    {
        TargetHost = host,
        ApplicationProtocols = [SslApplicationProtocol.Http11],
        EnabledSslProtocols = SslProtocols.None,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = Validate,
    };

    /// <summary>The check both clients use: chain to the trusted roots and matching host name, unless insecure.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (Insecure)
        {
            return true;
        }

        if (roots is null || certificate is null)
        {
            return errors == SslPolicyErrors.None;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    /// <summary>A message for a handshake that failed on the certificate, naming the flags that fix it.</summary>
    public string Rejected(string host, Exception e) =>
        $"TLS: the certificate of {host} is not trusted ({(CaFile is null ? "system trust store" : $"--ca-cert {CaFile}")}): {e.Message} " +
        "Give --ca-cert FILE (PEM) to trust a private or self-signed certificate, or --insecure to skip the check (test servers only).";
}
