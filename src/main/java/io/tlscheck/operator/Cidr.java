package io.tlscheck.operator;

import java.net.InetAddress;

import io.tlscheck.engine.IpLiterals;

/** An IPv4 or IPv6 network in CIDR notation, such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
record Cidr(String text, byte[] network, int prefix) {

    static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network = IpLiterals.parse(address);
        if (network == null) {
            throw new IllegalArgumentException("invalid CIDR '" + text + "': not an IP address");
        }
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid CIDR '" + text + "': bad prefix length");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("invalid CIDR '" + text + "': prefix must be 0 to " + bits);
        }
        return new Cidr(trimmed, network.getAddress(), prefix);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int wholeBytes = prefix / 8;
        for (int i = 0; i < wholeBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefix % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (candidate[wholeBytes] & mask) == (network[wholeBytes] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
