package io.tlscheck.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code openssl s_server} on 127.0.0.1, for what the JDK will not serve: legacy protocol
 * settings as OpenSSL-based servers really configure them, odd chains, stapled OCSP files.
 */
public final class OpenSslServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private OpenSslServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code openssl s_server -cert CERT -key KEY [extra...]} and waits until it accepts. */
    public static OpenSslServer start(Path cert, Path key, String... extra) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", cert.toString(), "-key", key.toString(), "-naccept", "1000", "-quiet"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        OpenSslServer server = new OpenSslServer(process, port);
        server.awaitListening();
        return server;
    }

    public int port() {
        return port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("openssl s_server exited with " + process.exitValue());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IOException("openssl s_server did not listen on " + port + " within 10s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
