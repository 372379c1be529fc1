package io.tlscheck.testing;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.tlscheck.engine.StartTls;
import io.tlscheck.engine.TlsRuntime;

/**
 * A plain-text server on 127.0.0.1 that speaks just enough SMTP, IMAP, POP3, FTP or the
 * PostgreSQL wire protocol to upgrade to TLS, then completes a real TLS handshake. With
 * {@code refuse} it declines the upgrade the way a misconfigured server would.
 */
public final class TestStartTlsServer implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final StartTls protocol;
    private final boolean refuse;
    private final SSLContext context;

    public TestStartTlsServer(StartTls protocol, Issued leaf, boolean refuse) throws Exception {
        TlsRuntime.configure();
        this.protocol = protocol;
        this.refuse = refuse;
        this.context = SSLContext.getInstance("TLS");
        context.init(new javax.net.ssl.KeyManager[] {
            new FixedChainKeyManager(List.of(leaf.certificate()), leaf.keyPair().getPrivate())}, null, new SecureRandom());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("test-starttls-" + protocol).start(this::acceptLoop);
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
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            boolean upgrade = switch (protocol) {
                case SMTP -> smtp(reader(in), out);
                case IMAP -> imap(reader(in), out);
                case POP3 -> pop3(reader(in), out);
                case FTP -> ftp(reader(in), out);
                case POSTGRES -> postgres(in, out);
            };
            if (upgrade) {
                SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, in, true);
                tls.setUseClientMode(false);
                tls.startHandshake();
                tls.getInputStream().read();
            }
        } catch (IOException e) {
            // Clients hang up after the handshake: expected.
        }
    }

    /**
     * Unbuffered line reads: a BufferedReader would swallow the TLS ClientHello that follows
     * the upgrade command.
     */
    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1) {
            @Override
            public String readLine() throws IOException {
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = in.read()) >= 0 && c != '\n') {
                    if (c != '\r') {
                        line.append((char) c);
                    }
                }
                return c < 0 && line.isEmpty() ? null : line.toString();
            }
        };
    }

    private boolean smtp(BufferedReader in, OutputStream out) throws IOException {
        send(out, "220 mail.test ESMTP ready");
        in.readLine();
        send(out, "250-mail.test hello");
        send(out, "250-PIPELINING");
        send(out, refuse ? "250 8BITMIME" : "250 STARTTLS");
        if (refuse) {
            return false;
        }
        in.readLine();
        send(out, "220 go ahead");
        return true;
    }

    private boolean imap(BufferedReader in, OutputStream out) throws IOException {
        send(out, "* OK IMAP4rev1 ready");
        String tag = in.readLine().split(" ")[0];
        if (refuse) {
            send(out, tag + " BAD STARTTLS not available");
            return false;
        }
        send(out, tag + " OK begin TLS now");
        return true;
    }

    private boolean pop3(BufferedReader in, OutputStream out) throws IOException {
        send(out, "+OK POP3 ready");
        in.readLine();
        send(out, refuse ? "-ERR no TLS here" : "+OK begin TLS");
        return !refuse;
    }

    private boolean ftp(BufferedReader in, OutputStream out) throws IOException {
        send(out, "220-welcome");
        send(out, "220 ready");
        in.readLine();
        send(out, refuse ? "500 AUTH not understood" : "234 AUTH TLS ok");
        return !refuse;
    }

    private boolean postgres(InputStream in, OutputStream out) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        int code = data.readInt();
        if (length != 8 || code != 80877103) {
            return false;
        }
        out.write(refuse ? 'N' : 'S');
        out.flush();
        return !refuse;
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
