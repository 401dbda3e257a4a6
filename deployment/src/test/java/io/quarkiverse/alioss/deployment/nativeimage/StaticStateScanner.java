package io.quarkiverse.alioss.deployment.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds static fields that must not end up in a native image heap when their class is initialized at build time (the
 * Quarkus default): random generators, secret or private keys, MACs and ciphers keyed at build time, Vert.x and Netty
 * objects (bound to the build's threads and event loops), threads and executors, and values named like secrets that
 * are not compile-time constants.
 */
final class StaticStateScanner {

    /** Field types whose static instances would be frozen into the image, with state from the build machine. */
    static final Set<String> RISKY_TYPES = Set.of(
            "Ljava/security/SecureRandom;", "Ljava/util/Random;", "Ljava/util/SplittableRandom;",
            "Ljava/security/PrivateKey;", "Ljava/security/KeyPair;", "Ljavax/crypto/SecretKey;",
            "Ljavax/crypto/spec/SecretKeySpec;", "Ljavax/crypto/Mac;", "Ljavax/crypto/Cipher;",
            "Ljava/security/Signature;", "Ljava/lang/Thread;", "Ljava/util/concurrent/ExecutorService;",
            "Ljava/util/concurrent/ScheduledExecutorService;", "Ljava/util/Timer;");

    /** Any static field of these packages: Vert.x and Netty objects belong to the running application's event loops. */
    static final List<String> RISKY_PACKAGES = List.of("Lio/vertx/", "Lio/netty/", "Lio/smallrye/mutiny/vertx/");

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|private|token).*");
    private static final Set<String> SECRET_CARRIERS = Set.of("Ljava/lang/String;", "[B", "[C");

    /** A static field found risky: class (dotted name), field, and why. */
    record Finding(String className, String field, String descriptor) {
        @Override
        public String toString() {
            return className + "." + field + " (" + descriptor + ")";
        }
    }

    private StaticStateScanner() {
    }

    /** Scans every class file of a jar or of a directory of compiled classes. */
    static List<Finding> scanClasses(Path jarOrDirectory) {
        List<Finding> findings = new ArrayList<>();
        try {
            if (Files.isDirectory(jarOrDirectory)) {
                try (Stream<Path> files = Files.walk(jarOrDirectory)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        findings.addAll(scan(Files.readAllBytes(file)));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(jarOrDirectory.toFile())) {
                    for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            findings.addAll(scan(in.readAllBytes()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    static List<Finding> scan(byte[] classFile) {
        List<Finding> findings = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            private String className;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                className = name.replace('/', '.');
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
                boolean constant = value != null;
                if (isStatic && !constant && risky(name, descriptor)) {
                    findings.add(new Finding(className, name, descriptor));
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return findings;
    }

    private static boolean risky(String name, String descriptor) {
        return RISKY_TYPES.contains(descriptor)
                || RISKY_PACKAGES.stream().anyMatch(descriptor::startsWith)
                || (SECRET_CARRIERS.contains(descriptor) && SECRET_NAME.matcher(name).matches());
    }
}
