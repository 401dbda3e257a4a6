import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the whole source of a start-up application with the given number of {@code @OssCallback} methods, ten per
 * bean class, each binding an {@code OssUpload} and one {@code x:} variable like a typical receiver.
 * <p>
 * Usage: {@code java GenerateCallbacks.java <count> <source directory>}
 */
public class GenerateCallbacks {

    private static final int METHODS_PER_CLASS = 10;
    private static final String PACKAGE = "io.quarkiverse.alioss.benchmarks.startup";

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path directory = Path.of(args[1], PACKAGE.split("\\."));
        Files.createDirectories(directory);
        try (var old = Files.list(directory)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (int first = 0; first < count; first += METHODS_PER_CLASS) {
            String name = String.format("Callbacks%03d", first / METHODS_PER_CLASS);
            StringBuilder source = new StringBuilder()
                    .append("package ").append(PACKAGE).append(";\n\n")
                    .append("import jakarta.enterprise.context.ApplicationScoped;\n\n")
                    .append("import io.quarkiverse.alioss.callback.CallbackVar;\n")
                    .append("import io.quarkiverse.alioss.callback.OssCallback;\n")
                    .append("import io.quarkiverse.alioss.callback.OssUpload;\n\n")
                    .append("@ApplicationScoped\n")
                    .append("public class ").append(name).append(" {\n");
            for (int i = first; i < Math.min(count, first + METHODS_PER_CLASS); i++) {
                source.append("\n    @OssCallback(path = \"/callbacks/").append(i).append("\", name = \"callback")
                        .append(i).append("\")\n")
                        .append("    public String callback").append(i)
                        .append("(OssUpload upload, @CallbackVar(\"user\") String user) {\n")
                        .append("        return user + \":\" + upload.object();\n")
                        .append("    }\n");
            }
            source.append("}\n");
            Files.writeString(directory.resolve(name + ".java"), source);
        }
    }
}
