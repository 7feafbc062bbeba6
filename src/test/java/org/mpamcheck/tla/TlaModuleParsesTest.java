package org.mpamcheck.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpamcheck.spec.Spec;
import tla2sany.drivers.SANY;
import tla2sany.modanalyzer.SpecObj;
import util.SimpleFilenameToStream;

/** Every emitted module parses and passes semantic analysis with SANY, in process. */
class TlaModuleParsesTest {

    @TempDir
    Path dir;

    static List<Spec> specs() {
        return TlaTestSpecs.all();
    }

    /** SANY's verdict on a module: empty when it parsed and resolved, else its messages. */
    static String sanyErrors(Path dir, String name, String tla) throws Exception {
        Path file = dir.resolve(name + ".tla");
        Files.writeString(file, tla, StandardCharsets.UTF_8);
        SpecObj spec = new SpecObj(file.toString(), new SimpleFilenameToStream(dir.toString()));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        PrintStream toolOut = util.ToolIO.out;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            util.ToolIO.out = out; // SANY logs "Parsing file ..." there; keep the build quiet
            rc = SANY.frontEndMain(spec, file.toString(), out);
        } finally {
            util.ToolIO.out = toolOut;
        }
        // A semantic error leaves rc at 0: the error objects are the reliable signal.
        boolean bad = rc != 0 || spec.getParseErrors().isFailure()
                || spec.getSemanticErrors().isFailure();
        return bad ? "rc=" + rc + "\n" + buf.toString(StandardCharsets.UTF_8) + spec
                .getSemanticErrors() + spec.getParseErrors() : "";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void everyEmittedModuleParsesAndResolves(Spec spec) throws Exception {
        TlaModule m = TlaEmitter.emit(spec, true);
        assertEquals("", sanyErrors(dir, m.name(), m.tla()), m.tla());
    }

    @Test
    void sanyCatchesASemanticError() throws Exception {
        String bad = "---- MODULE Bad ----\nEXTENDS Integers\nVARIABLE x\nInit == x = y\n====\n";
        assertTrue(sanyErrors(dir, "Bad", bad).contains("y"));
    }

    @Test
    void sanyCatchesAParseError() throws Exception {
        String bad = "---- MODULE Broken ----\nInit == /\\ \n====\n";
        assertTrue(!sanyErrors(dir, "Broken", bad).isEmpty());
    }
}
