package io.greenportal.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Reactor Netty's switch between Netty's native epoll transport (its default on Linux) and the JDK's NIO. */
    private static final String NATIVE_TRANSPORT = "reactor.netty.native";

    static {
        // The server and the client to the services run on the JDK's NIO sockets. Under the
        // publicity-day mix on two cores, with native epoll some connections waited 8-10 s for answers
        // the gateway's filters finished in under a second (their requests sat unread in the socket);
        // with NIO the slowest took about 2 s (docs/profile/README.md, "Connections left waiting").
        // Set before Reactor Netty reads it, once, when its loop resources are first created; Boot
        // gives no per-server switch (its web server re-applies the shared loop resources with the
        // global default). -Dreactor.netty.native=true still overrides it.
        if (System.getProperty(NATIVE_TRANSPORT) == null) {
            System.setProperty(NATIVE_TRANSPORT, "false");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
