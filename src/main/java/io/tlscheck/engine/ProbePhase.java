package io.tlscheck.engine;

/** Where a probe was when it failed; decides how a timeout or a reset is reported. */
enum ProbePhase {
    DNS, CONNECT, STARTTLS, HANDSHAKE, CONFIRM
}
