package io.quarkiverse.alioss.deployment.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * The native build steps, run without GraalVM ({@code quarkus.native.sources-only}), on an application with an
 * {@code @OssCallback} method. Quarkus initializes classes at image build time unless told otherwise, so a class of
 * ours holding a key, a secret, a random generator or a Vert.x/Netty object in a static field would freeze build-time
 * state into the executable: every such class must be on the run-time initialized list of the generated
 * {@code io.quarkus.runner.Feature}. Neither the arguments nor the generated code may carry a run-time secret.
 */
class NativeSourcesTest {

    static final String TOKEN_SECRET = "native-sources-token-secret-" + Long.toHexString(new SecureRandom().nextLong());

    static {
        // given the way a CI secret reaches a build, not in application.properties (whose values Quarkus packages)
        System.setProperty("quarkus.oss.callback.token.secret", TOKEN_SECRET);
    }

    @RegisterExtension
    static final QuarkusProdModeTest TEST = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Avatars.class))
            .setApplicationName("native-sources")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.native.enabled", "true")
            .overrideConfigKey("quarkus.native.sources-only", "true")
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://app.example.com")
            .setRun(false);

    @ProdBuildResults
    ProdModeTestResults results;

    @ApplicationScoped
    public static class Avatars {
        @OssCallback(path = "/oss/avatar", name = "avatar")
        public String uploaded(@SystemVar("object") String object) {
            return object;
        }
    }

    @AfterAll
    static void forgetSecret() {
        System.clearProperty("quarkus.oss.callback.token.secret");
    }

    @Test
    void nativeBuildStepsWriteTheSources() {
        assertThat(nativeSources().resolve("native-image.args")).isRegularFile();
        assertThat(runnerJar()).isRegularFile();
    }

    @Test
    void ourClassesWithBuildSensitiveStaticStateAreInitializedAtRunTime() throws Exception {
        Set<String> runTimeInitialized = runTimeInitializedClasses();
        // proves the list was read: Quarkus itself always defers these
        assertThat(runTimeInitialized).contains("io.netty.buffer.PooledByteBufAllocator");

        List<StaticStateScanner.Finding> findings = StaticStateScanner.scanClasses(runtimeClasses());
        assertThat(findings)
                .as("classes of quarkus-alioss with static state that must not be created at image build time")
                .allSatisfy(finding -> assertThat(runTimeInitialized).as(finding.toString())
                        .contains(finding.className()));
    }

    @Test
    void aSecretInTheBuildEnvironmentReachesNeitherArgumentsNorGeneratedCode() throws IOException {
        String args = Files.readString(nativeSources().resolve("native-image.args"));
        assertThat(args).doesNotContain(TOKEN_SECRET).doesNotContain("io.quarkiverse.alioss");
        byte[] secret = TOKEN_SECRET.getBytes(StandardCharsets.UTF_8);
        try (JarFile jar = new JarFile(runnerJar().toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    assertThat(contains(in.readAllBytes(), secret)).as(entry.getName()).isFalse();
                }
            }
        }
    }

    /** The scanner itself finds what it looks for, so an empty result above means something. */
    @Test
    void scannerFlagsRiskyStaticFields() throws IOException {
        List<StaticStateScanner.Finding> findings = StaticStateScanner.scan(classBytes(RiskyHolder.class));
        assertThat(findings).extracting(StaticStateScanner.Finding::field)
                .containsExactlyInAnyOrder("RANDOM", "apiSecret", "CLIENT");
    }

    static class RiskyHolder {
        static final SecureRandom RANDOM = new SecureRandom();
        static String apiSecret = System.getenv("NOT_SET");
        static final String SECRET_KEY_NAME = "a constant is fine";
        static OssClient CLIENT_IS_NOT_FLAGGED;
        static io.vertx.core.Vertx CLIENT;
    }

    private Path nativeSources() {
        try (Stream<Path> dirs = Files.walk(results.getBuildDir(), 3)) {
            return dirs.filter(dir -> dir.getFileName().toString().equals("native-sources")).findFirst()
                    .orElseThrow(() -> new AssertionError("no native-sources under " + results.getBuildDir()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path runnerJar() {
        try (Stream<Path> files = Files.list(nativeSources())) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no runner jar in " + nativeSources()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The class names the generated Feature passes to GraalVM as string constants, among them those initialized at run time.
     */
    private Set<String> runTimeInitializedClasses() throws IOException {
        byte[] feature;
        try (JarFile jar = new JarFile(runnerJar().toFile())) {
            JarEntry entry = jar.getJarEntry("io/quarkus/runner/Feature.class");
            assertThat(entry).as("the generated native image feature").isNotNull();
            try (InputStream in = jar.getInputStream(entry)) {
                feature = in.readAllBytes();
            }
        }
        Set<String> constants = new HashSet<>();
        new ClassReader(feature).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof String text) {
                            constants.add(text);
                        }
                    }
                };
            }
        }, 0);
        return constants;
    }

    private static Path runtimeClasses() throws URISyntaxException {
        Path location = Path.of(OssClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(location).as("the runtime module's classes (a directory or its jar)").exists();
        return location;
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
