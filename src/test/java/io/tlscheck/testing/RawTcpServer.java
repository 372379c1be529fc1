package io.tlscheck.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A misbehaving peer on 127.0.0.1: says nothing, sends garbage, answers like plain HTTP, or
 * drips bytes slowly. For testing that every failure is categorised and bounded.
 */
public final class RawTcpServer implements AutoCloseable {
    /** What the server does with each connection. */
    public enum Behaviour {
        SILENT, GARBAGE, PLAIN_HTTP, DRIP, CLOSE_IMMEDIATELY
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Behaviour behaviour;

    public RawTcpServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("raw-tcp-server").start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            switch (behaviour) {
                case SILENT -> Thread.sleep(60_000);
                case GARBAGE -> {
                    out.write("\u0000\u00ff garbage, not a TLS record \r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(60_000);
                }
                case PLAIN_HTTP -> {
                    socket.getInputStream().read(new byte[1024]);
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(60_000);
                }
                case DRIP -> {
                    // A TLS record header, then one byte every 200 ms: each read returns in time,
                    // yet the handshake never completes.
                    out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                    for (int i = 0; i < 300; i++) {
                        out.write(0x02);
                        out.flush();
                        Thread.sleep(200);
                    }
                }
                case CLOSE_IMMEDIATELY -> {
                    // try-with-resources closes it.
                }
            }
        } catch (IOException | InterruptedException e) {
            // The probe hung up or the server is closing: both are expected here.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
