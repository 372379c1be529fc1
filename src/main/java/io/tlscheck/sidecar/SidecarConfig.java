package io.tlscheck.sidecar;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.IpLiterals;
import io.tlscheck.manifest.ManifestEntry;
import io.tlscheck.manifest.ManifestReader;
import io.tlscheck.metrics.CheckKey;
import io.tlscheck.plan.SpecTranslator;

/**
 * Reads the sidecar's config files (TlsCheck YAML, as kept in Git) into checks to run. All or
 * nothing: any invalid or unsupported entry, and any name used twice, refuses the whole
 * config, so the sidecar never runs with less than its file says.
 */
final class SidecarConfig {
    private SidecarConfig() {
    }

    /** The config could not be used: every problem, as {@code file:line: message}. */
    static final class InvalidConfigException extends Exception {
        private final List<String> errors;

        InvalidConfigException(List<String> errors) {
            super(errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in the config");
            this.errors = List.copyOf(errors);
        }

        List<String> errors() {
            return errors;
        }
    }

    /**
     * @param extraCas trusted besides each check's own trust, and in place of {@code trust.caBundle}
     * @param client   the client certificate for checks that declare one, or {@code null}
     */
    static List<SidecarCheck> load(List<Path> files, List<X509Certificate> extraCas, ClientCertificateFiles client)
            throws InvalidConfigException {
        List<String> errors = new ArrayList<>();
        List<ManifestEntry> entries = new ArrayList<>();
        for (Path file : files) {
            List<ManifestEntry> read = ManifestReader.read(file,
                    check -> SidecarRules.check(check, !extraCas.isEmpty(), client != null));
            if (read.isEmpty()) {
                errors.add(file + ": no TlsCheck in this file (kind: TlsCheck, apiVersion: " + TlsCheck.API_VERSION + ")");
            }
            entries.addAll(read);
        }
        Map<CheckKey, ManifestEntry> seen = new HashMap<>();
        List<SidecarCheck> checks = new ArrayList<>();
        for (ManifestEntry entry : entries) {
            if (!entry.valid()) {
                errors.addAll(entry.errors());
                continue;
            }
            TlsCheck check = entry.check();
            CheckKey key = new CheckKey(check.getMetadata().getNamespace(), check.getMetadata().getName());
            ManifestEntry first = seen.putIfAbsent(key, entry);
            if (first != null) {
                errors.add(entry.location() + ": metadata.name: " + key + " is already defined at " + first.location());
                continue;
            }
            checks.add(toCheck(key, entry, extraCas, client));
        }
        if (!errors.isEmpty()) {
            throw new InvalidConfigException(errors);
        }
        return checks;
    }

    private static SidecarCheck toCheck(CheckKey key, ManifestEntry entry, List<X509Certificate> extraCas,
                                        ClientCertificateFiles client) {
        TlsCheckSpec spec = entry.check().getSpec();
        int port = SpecTranslator.port(spec);
        String serverName = spec.getServerName() != null ? spec.getServerName()
                : IpLiterals.isIpLiteral(spec.getHost()) ? null : spec.getHost();
        return new SidecarCheck(key, entry.location(), new Endpoint(spec.getHost(), port, serverName),
                SpecTranslator.probeOptions(spec, null), SpecTranslator.expectations(spec.getExpect()),
                SpecTranslator.trust(spec, extraCas), SpecTranslator.interval(spec),
                SidecarRules.readiness(entry.check()), Boolean.TRUE.equals(spec.getSuspend()),
                spec.getClientCertificate() == null ? null : client);
    }
}
