package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven over the DevTools protocol, with the JDK's WebSocket client
 * (no npm, no driver binary): open a page, press real keys, read the DOM, take a screenshot, and
 * record every network request and script exception the page causes. The timeouts only stop a
 * hung browser from hanging the build; nothing is asserted about time.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long HANG_GUARD_SECONDS = 120;
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final WebSocket socket;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private String session;

    private HeadlessChromium(Process process, String endpoint) throws Exception {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(endpoint), new Listener())
                .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    /** Starts Chromium with a fresh profile; fails (never skips) when it is not installed. */
    static HeadlessChromium launch(Path profile, int width, int height) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " is missing: the explorer's browser test needs Debian's chromium "
                    + "(apt-get install -y chromium; .ci/run installs it)");
        }
        Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        endpoint.complete(m.group(1));
                    } else if (!endpoint.isDone()) {
                        seen.append(line).append('\n');
                    }
                }
                endpoint.completeExceptionally(new IOException("chromium exited: " + seen));
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        try {
            return new HeadlessChromium(p, endpoint.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** Opens a tab on {@code file}, waits for its load event, and keeps its session. */
    void open(Path file) throws Exception {
        String target = send(null, "Target.createTarget", obj().put("url", "about:blank"))
                .get("targetId").asText();
        session = send(null, "Target.attachToTarget", obj().put("targetId", target)
                .put("flatten", true)).get("sessionId").asText();
        send(session, "Network.enable", obj());
        send(session, "Page.enable", obj());
        send(session, "Runtime.enable", obj());
        int before = events.size();
        send(session, "Page.navigate", obj().put("url", file.toUri().toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
        while (events.subList(before, events.size()).stream()
                .noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
            if (System.nanoTime() > deadline) {
                fail("the page never fired its load event: " + file);
            }
            Thread.sleep(20);
        }
    }

    /** A JavaScript expression's value in the page, as JSON. */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = send(session, "Runtime.evaluate", obj().put("expression", expression)
                .put("returnByValue", true));
        if (r.has("exceptionDetails")) {
            fail("script error in " + expression + ": " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A real key press (keydown, keyup) as the keyboard would send it. */
    void press(String key, int keyCode) throws Exception {
        for (String type : List.of("rawKeyDown", "keyUp")) {
            send(session, "Input.dispatchKeyEvent", obj().put("type", type).put("key", key)
                    .put("code", key).put("windowsVirtualKeyCode", keyCode)
                    .put("nativeVirtualKeyCode", keyCode));
        }
    }

    /** Renders the page for {@code print} or {@code screen}, as the print dialog would. */
    void emulateMedia(String media) throws Exception {
        send(session, "Emulation.setEmulatedMedia", obj().put("media", media));
    }

    void screenshot(Path png) throws Exception {
        String data = send(session, "Page.captureScreenshot", obj().put("format", "png"))
                .get("data").asText();
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    /** Every URL the page requested (the page itself included). */
    List<String> requests() {
        List<String> urls = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(e.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }

    /** Uncaught script exceptions the page raised. */
    List<String> exceptions() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("method").asText().equals("Runtime.exceptionThrown")) {
                out.add(e.path("params").path("exceptionDetails").toString());
            }
        }
        return out;
    }

    private JsonNode send(String sessionId, String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = obj().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(json.writeValueAsString(message), true)
                .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        JsonNode r = reply.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        if (r.has("error")) {
            fail(method + " failed: " + r.get("error"));
        }
        return r.path("result");
    }

    private ObjectNode obj() {
        return json.createObjectNode();
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendText("{\"id\":0,\"method\":\"Browser.close\"}", true)
                    .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser may already be gone; the process is ended below either way
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Collects each message's fragments, then routes it to its reply or to the events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                try {
                    JsonNode m = json.readTree(buffer.toString());
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    } else {
                        events.add(m);
                    }
                } catch (IOException e) {
                    events.add(json.createObjectNode().put("method", "unparsable")
                            .put("text", buffer.toString()));
                }
                buffer.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
