package io.tlscheck.api.v1alpha1;

/**
 * One thing wrong with a TlsCheck spec.
 *
 * @param path    the field, as a JSON pointer relative to the resource ({@code /spec/port})
 * @param message what is wrong, in words
 */
public record SpecError(String path, String message) {
    /** {@code spec.port: must be between 1 and 65535}, the way kubectl prints field errors. */
    @Override
    public String toString() {
        return path.substring(1).replace('/', '.') + ": " + message;
    }
}
