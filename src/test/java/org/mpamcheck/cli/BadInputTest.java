package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage or input: exit 2, exactly one line on stderr naming the problem, nothing written. */
class BadInputTest {

    private static void oneLine(CliRun r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(expected + "\n", r.err());
    }

    @Test
    void anUnknownVariantGetsTheValidIdsAndTheNearest() {
        oneLine(CliRun.of("check", "--variant", "arm64-kernel-folows"), "mpamcheck check: "
                + "unknown variant 'arm64-kernel-folows'; valid: arm64-kernel-default, "
                + "arm64-kernel-follows, arm64-per-group, arm64-irq-default, arm64-kernel-group, "
                + "arm64-group-mapped, x86-rdt, x86-plza, x86-plza/bound-inherit-mon, "
                + "x86-plza/bound-assign-mon, x86-plza/unbound; nearest: arm64-kernel-follows");
    }

    @Test
    void anUnknownPropertyGetsTheNearest() {
        CliRun r = CliRun.of("explain", "--variant", "x86-rdt", "--property", "irq-isolaton");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count());
        assertEquals(true, r.err().endsWith("; nearest: irq-isolation\n"), r.err());
    }

    @Test
    void aMalformedScopeNamesTheBound() {
        oneLine(CliRun.of("check", "--scope", "cpus=two"),
                "mpamcheck check: scope key cpus needs an integer, got 'two'");
        oneLine(CliRun.of("check", "--scope", "cpu=2"), "mpamcheck check: unknown scope key "
                + "'cpu'; valid keys: cpus, tasks, groups, monitors, partids, pmgs, locks, steps,"
                + " hotplug, guests, kthreads; nearest: cpus");
        oneLine(CliRun.of("check", "--scope", "cpus=0"),
                "mpamcheck check: scope bound cpus=0 is outside 1..8");
        oneLine(CliRun.of("check", "--scope", "huge"), "mpamcheck check: unknown scope 'huge';"
                + " valid: small, ci, deep, proof or KEY=N,... with keys cpus, tasks, groups,"
                + " monitors, partids, pmgs, locks, steps, hotplug, guests, kthreads");
    }

    @Test
    void anUnknownSolverGetsTheValidOnes() {
        oneLine(CliRun.of("prove", "--solver", "glucose"),
                "mpamcheck prove: unknown solver 'glucose'; valid: sat4j, minisat");
    }

    @Test
    void anUnknownOptionNamesItself() {
        oneLine(CliRun.of("check", "--fromat", "json"),
                "mpamcheck check: unknown option: --fromat");
    }

    @Test
    void anUnknownCommandGetsTheNearest() {
        oneLine(CliRun.of("chek"), "mpamcheck: unknown command 'chek'; valid: list, check, "
                + "explain, compare, export, prove, bench; nearest: check");
    }

    @Test
    void anUnknownFormatOrEngineIsRefused() {
        oneLine(CliRun.of("check", "--format", "yaml"), "mpamcheck check: unknown format "
                + "'yaml'; valid: text, markdown, json, junit, html, itf; nearest: html");
        oneLine(CliRun.of("check", "--engine", "tlx"), "mpamcheck check: unknown engine 'tlx';"
                + " valid: native, tlc, alloy, all; nearest: tlc");
        oneLine(CliRun.of("check", "--timeout", "soon"),
                "mpamcheck check: --timeout needs a positive number, got 'soon'");
    }

    @Test
    void outputIntoAMissingDirectoryIsAClearErrorAndWritesNothing(@TempDir Path dir) {
        Path target = dir.resolve("missing").resolve("report.json");
        oneLine(CliRun.of("check", "--engine", "native", "--scope", "small", "--format", "json",
                "--output", target.toString()), "mpamcheck check: cannot write " + target
                + ": directory " + target.getParent() + " does not exist");
        assertFalse(Files.exists(target.getParent()));
    }

    @Test
    void explainNeedsOneVariantAndOneProperty() {
        oneLine(CliRun.of("explain", "--variant", "x86-rdt"),
                "mpamcheck explain: explain needs --variant ID (or --proposal FILE) and "
                        + "--property ID");
        oneLine(CliRun.of("compare", "--variant", "x86-rdt"),
                "mpamcheck compare: compare needs at least two variants: --variant A --variant B");
    }
}
