package io.tlscheck.cli;

/** Output formats of {@code connect}. */
enum OutputFormat {
    text, json, yaml
}
