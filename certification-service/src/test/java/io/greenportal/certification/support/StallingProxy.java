package io.greenportal.certification.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a real server (the registry's gRPC port, Keycloak) that a test can tell to
 * stall: it goes on accepting connections and keeps those it has, but forwards nothing in either
 * direction until it is resumed, the way a peer that hangs behaves. Bytes read while stalled are
 * held and forwarded on resumption.
 */
public final class StallingProxy implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile boolean stalled;
    private volatile boolean closed;

    private StallingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("stalling-proxy-" + targetPort).start(this::accept);
    }

    /** A proxy on a free loopback port in front of 127.0.0.1:{@code targetPort}, forwarding. */
    public static StallingProxy to(int targetPort) {
        try {
            return new StallingProxy(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException("no port for a proxy", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on nothing is forwarded, on open connections and new ones alike. */
    public void stall() {
        stalled = true;
    }

    public void resume() {
        synchronized (gate) {
            stalled = false;
            gate.notifyAll();
        }
    }

    public boolean stalled() {
        return stalled;
    }

    @Override
    public void close() {
        closed = true;
        resume();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(StallingProxy::quietlyClose);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                if (!closed) {
                    // the target refused or the client went away: drop this connection, keep accepting
                    continue;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitForwarding();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed: close the pair below
        } finally {
            quietlyClose(from);
            quietlyClose(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void awaitForwarding() throws InterruptedException {
        synchronized (gate) {
            while (stalled && !closed) {
                gate.wait();
            }
        }
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
