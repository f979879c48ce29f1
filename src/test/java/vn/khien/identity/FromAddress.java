package vn.khien.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import vn.khien.support.Http;

/**
 * A JSON POST sent from a chosen loopback address (127.x.y.z): the JDK's HTTP client always leaves from 127.0.0.1,
 * so throttling by source is tested with a socket bound to the address, speaking HTTP/1.0 (no chunking to undo).
 */
record FromAddress(String address, int port) {

    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        JsonNode json() {
            return Http.JSON.readTree(body);
        }
    }

    static FromAddress fresh(int port) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new FromAddress("127." + r.nextInt(1, 255) + "." + r.nextInt(0, 255) + "." + r.nextInt(2, 255), port);
    }

    Reply post(String path, Object body) {
        byte[] json = Http.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                                    + "Accept: application/json\r\nAccept-Language: vi\r\nContent-Length: "
                                    + json.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            out.write(json);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(
                        head[i].substring(0, colon).trim().toLowerCase(),
                        head[i].substring(colon + 1).trim());
            }
            return new Reply(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(end + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
