package io.greenportal.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a real server (Redis, a service's HTTP or gRPC port, Keycloak) that can be
 * told to misbehave the way a sick peer does: {@link Mode#STALL} keeps every connection open and
 * accepts new ones but forwards nothing in either direction (a hung server: {@code CLIENT PAUSE}, a
 * stuck JVM); what arrives meanwhile is held and forwarded once it forwards again.
 * {@link Mode#REFUSE} closes connections at once (a crashed server). Nothing is faked: in
 * {@link Mode#FORWARD} the real server answers.
 */
public final class FaultyProxy implements AutoCloseable {

    public enum Mode { FORWARD, STALL, REFUSE }

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesFromClients = new AtomicLong();
    private final Object gate = new Object();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    public FaultyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("faulty-proxy-" + targetPort).start(this::accept);
    }

    /** A proxy on a free loopback port in front of 127.0.0.1:{@code targetPort}, forwarding. */
    public static FaultyProxy to(int targetPort) {
        try {
            return new FaultyProxy(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException("no port for a proxy", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode mode) {
        synchronized (gate) {
            this.mode = mode;
            gate.notifyAll();
        }
    }

    /** From now on nothing is forwarded, on open connections and new ones alike. */
    public void stall() {
        mode(Mode.STALL);
    }

    public void resume() {
        mode(Mode.FORWARD);
    }

    public boolean stalled() {
        return mode == Mode.STALL;
    }

    /** Bytes clients have sent through the proxy, forwarded or held back. */
    public long bytesFromClients() {
        return bytesFromClients.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (mode == Mode.REFUSE) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pipe(client, upstream, true));
                Thread.ofVirtual().start(() -> pipe(upstream, client, false));
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection end
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (fromClient) {
                    bytesFromClients.addAndGet(n);
                }
                if (!awaitForwarding()) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    /** Waits while stalled; false when the connection is to be dropped instead (REFUSE, closed). */
    private boolean awaitForwarding() throws InterruptedException {
        synchronized (gate) {
            while (mode == Mode.STALL && !closed) {
                gate.wait();
            }
            return mode == Mode.FORWARD && !closed;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (gate) {
            gate.notifyAll();
        }
        closeQuietly(server);
        sockets.forEach(FaultyProxy::closeQuietly);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
