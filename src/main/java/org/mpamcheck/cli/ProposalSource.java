package org.mpamcheck.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.mpamcheck.model.KernelModePolicy;

/**
 * A proposal written as one Java file: compiled in process against mpamcheck's own classes
 * (javax.tools, so a JDK is needed, as for the build), loaded in a class loader of its own, and
 * checked as a variant for this run only. The file's public class must implement {@link
 * KernelModePolicy} and have a public no-argument constructor.
 */
final class ProposalSource {

    private ProposalSource() {
    }

    /** The proposal in {@code file}; a file that does not compile or load is a usage error. */
    static KernelModePolicy load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("proposal " + file + ": no such file");
        }
        if (!file.getFileName().toString().endsWith(".java")) {
            throw new UsageException("proposal " + file + ": not a .java file");
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new UsageException("proposal " + file + ": compiling it needs a JDK (javac); "
                    + "this Java is a JRE");
        }
        Path classes = null;
        try {
            classes = Files.createTempDirectory("mpamcheck-proposal-");
            compile(javac, file, classes);
            return instantiate(file, classes);
        } catch (IOException e) {
            throw new UsageException("proposal " + file + ": " + e.getMessage());
        } finally {
            deleteQuietly(classes);
        }
    }

    private static void compile(JavaCompiler javac, Path file, Path classes) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics,
                Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-proc:none", "-nowarn", "--release", "17");
            StringWriter out = new StringWriter();
            boolean ok = javac.getTask(out, files, diagnostics, options, null,
                    files.getJavaFileObjects(file)).call();
            if (!ok) {
                throw new UsageException(firstError(file, diagnostics));
            }
        }
    }

    private static String firstError(Path file, DiagnosticCollector<JavaFileObject> d) {
        for (Diagnostic<? extends JavaFileObject> e : d.getDiagnostics()) {
            if (e.getKind() == Diagnostic.Kind.ERROR) {
                String message = e.getMessage(Locale.ROOT).lines().findFirst().orElse("");
                return "proposal " + file + ":" + e.getLineNumber() + ": " + message;
            }
        }
        return "proposal " + file + ": does not compile";
    }

    /** The one public class of the file that implements KernelModePolicy, instantiated. */
    private static KernelModePolicy instantiate(Path file, Path classes) throws IOException {
        String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
        List<String> names = new ArrayList<>();
        try (Stream<Path> all = Files.walk(classes)) {
            all.filter(p -> p.getFileName().toString().equals(simple + ".class"))
                    .forEach(p -> names.add(classes.relativize(p).toString()
                            .replaceFirst("\\.class$", "").replace('/', '.')
                            .replace('\\', '.')));
        }
        if (names.size() != 1) {
            throw new UsageException("proposal " + file + ": expected one public class "
                    + simple + " (the file's name)");
        }
        // The loader stays open: the policy's classes are used for the rest of the run.
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ProposalSource.class.getClassLoader());
        try {
            Class<?> c = Class.forName(names.get(0), true, loader);
            if (!KernelModePolicy.class.isAssignableFrom(c) || Modifier.isAbstract(
                    c.getModifiers())) {
                throw new UsageException("proposal " + file + ": class " + c.getName()
                        + " does not implement org.mpamcheck.model.KernelModePolicy");
            }
            preload(loader, classes);
            return (KernelModePolicy) c.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new UsageException("proposal " + file + ": cannot load " + names.get(0) + ": "
                    + e);
        }
    }

    /** Loads every class now: the temporary directory is removed before the run uses them. */
    private static void preload(ClassLoader loader, Path classes) throws IOException {
        try (Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(q -> q.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replaceFirst("\\.class$", "")
                        .replace('/', '.').replace('\\', '.');
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException e) {
                    throw new IOException("cannot load " + name, e);
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless; the run's result does not depend on it
        }
    }
}
