package org.mpamcheck.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.Result;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Spec;

/**
 * The recipe of docs/distributed-tlc.md, run on localhost: the exported module checked by TLC's
 * distributed mode (one TLCServer, two TLCWorker JVMs) sees the same distinct states as the
 * native engine, symmetry off.
 */
class TlcDistributedTest {

    private static final Pattern DISTINCT = Pattern.compile(
            "([0-9,]+) states generated, ([0-9,]+) distinct states found, 0 states left on queue");

    @Test
    void aServerWithTwoWorkerJvmsFindsTheNativeEnginesStates(@TempDir Path dir)
            throws Exception {
        Spec spec = ResctrlModel.withProperties(ResctrlModel.spec(Variants.byId("x86-rdt"),
                Scope.small()), List.of("partid-exclusive"));
        TlaModule module = TlaEmitter.emit(spec, false);
        Files.writeString(dir.resolve(module.tlaFileName()), module.tla());
        Files.writeString(dir.resolve(module.cfgFileName()), module.cfg());
        String jar = Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        String port = "-Dtlc2.tool.distributed.TLCServer.port=" + freePort();
        List<Process> processes = new ArrayList<>();
        try {
            Process server = start(dir, "server.log", jar, port,
                    "tlc2.tool.distributed.TLCServer", "-config", module.cfgFileName(),
                    module.tlaFileName());
            processes.add(server);
            waitFor(dir.resolve("server.log"), "TLC server at");
            for (int w = 0; w < 2; w++) {
                processes.add(start(dir, "worker" + w + ".log", jar, port,
                        "tlc2.tool.distributed.TLCWorker", "localhost"));
            }
            assertTrue(server.waitFor(240, TimeUnit.SECONDS), "the server finished");
            String log = Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
            Matcher m = DISTINCT.matcher(log);
            assertTrue(m.find(), log);
            assertTrue(log.contains("Registration for worker"), "workers registered");
            Result reference = new NativeChecker().check(spec,
                    Limits.DEFAULT.withSymmetry(false), Progress.NONE);
            assertEquals(reference.statistics().distinct(),
                    Long.parseLong(m.group(2).replace(",", "")));
        } finally {
            for (Process p : processes) {
                p.destroyForcibly();
            }
        }
    }

    private static Process start(Path dir, String log, String jar, String port, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", port, "-cp", jar));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    private static void waitFor(Path log, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' in " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
