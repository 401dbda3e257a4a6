package io.quarkiverse.alioss.deployment.callback.token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Talks to the test's redis-server on a connection of its own, as another instance of the application would: one
 * inline command (words without spaces), one reply line.
 */
final class RedisInline {

    private RedisInline() {
    }

    /** @param hostsKey the {@code quarkus.redis.*hosts} key that holds the server's URI */
    static String command(String hostsKey, String command) throws IOException {
        URI server = URI.create(ConfigProvider.getConfig().getValue(hostsKey, String.class));
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStreamReader in = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
            return new BufferedReader(in).readLine();
        }
    }
}
