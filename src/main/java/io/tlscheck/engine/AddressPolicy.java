package io.tlscheck.engine;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses a probe may connect to, decided after DNS so that a harmless-looking name
 * cannot lead to a forbidden address (a cloud metadata service, say). The operator installs
 * the cluster admin's policy; the CLI allows everything.
 */
@FunctionalInterface
public interface AddressPolicy {
    AddressPolicy ALLOW_ALL = (host, address) -> Optional.empty();

    /**
     * @param host    the host as given (a DNS name or an IP literal)
     * @param address what it resolved to
     * @return why the connection is not allowed, or empty to allow it
     */
    Optional<String> deny(String host, InetAddress address);
}
