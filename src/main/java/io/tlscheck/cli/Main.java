package io.tlscheck.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("tlscheck");
    }
}
