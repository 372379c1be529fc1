package io.tlscheck.manifest;

import java.nio.file.Path;
import java.util.List;

import io.tlscheck.api.v1alpha1.TlsCheck;

/**
 * One TlsCheck document read from a file: either a valid check, or the errors that make it
 * unusable, each pinned to a line.
 *
 * @param file   where it was read from
 * @param line   the line its document starts at (1-based)
 * @param name   metadata.name when known, for tables
 * @param check  the parsed check when valid, else {@code null}
 * @param errors {@code file:line: message} lines when invalid, else empty
 */
public record ManifestEntry(Path file, int line, String name, TlsCheck check, List<String> errors) {
    public ManifestEntry {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return check != null && errors.isEmpty();
    }

    /** {@code examples/host.yaml:3}. */
    public String location() {
        return file + ":" + line;
    }
}
