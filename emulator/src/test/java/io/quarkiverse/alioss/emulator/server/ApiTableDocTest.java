package io.quarkiverse.alioss.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.emulator.http.RawHttp;
import io.quarkiverse.alioss.emulator.http.SignedHttp;
import io.quarkiverse.alioss.emulator.sdk.SdkClients;
import io.quarkiverse.alioss.emulator.server.ApiOperation.Condition;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * Keeps the operations table of emulator.adoc true: it lists exactly the catalogue's operations, and sending each row's
 * request gets 501 NotImplemented exactly when the row says 501.
 */
class ApiTableDocTest {

    private static final Path DOC = Path.of("..", "docs", "modules", "ROOT", "pages", "emulator.adoc");
    private static final String ANCHOR = "[[emulator-api]]";
    private static final String BUCKET = "doc-bucket";
    /** Keeps the bucket non-empty whatever the rows do to the target object. */
    private static final String SENTINEL = "doc/sentinel";
    private static final String TARGET = "doc/target";

    /** One table row: the cells as written, backticks removed. */
    record Row(String operation, String method, String target, String selectedBy, String status) {
        @Override
        public String toString() {
            return "|" + operation + " |" + method + " |" + target + " |" + selectedBy + " |" + status;
        }
    }

    private static OssEmulator emulator;
    private static OSS oss;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).build());
        oss = SdkClients.client(emulator, SignVersion.V4);
        http = new SignedHttp(emulator);
        oss.putObject(BUCKET, SENTINEL, new ByteArrayInputStream(new byte[] { 1 }));
    }

    @AfterAll
    static void stop() {
        oss.shutdown();
        http.close();
        emulator.close();
    }

    @Test
    void tableListsEveryCatalogueOperationWithItsStatus() throws IOException {
        List<Row> expected = ApiCatalogue.OPERATIONS.stream().map(ApiTableDocTest::rowOf).toList();
        String hint = "expected rows:\n" + String.join("\n", expected.stream().map(Row::toString).toList());
        assertThat(docRows()).as(hint).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("docRows")
    void eachRowIsAnsweredAsTheTableSays(Row row) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Buffer body = null;
        for (String selector : row.selectedBy().split(" \\+ ")) {
            if (selector.startsWith("?")) {
                query.put(selector.substring(1), "x");
            } else if (selector.equals(Condition.COPY_SOURCE.description)) {
                headers.add("x-oss-copy-source", "/" + BUCKET + "/" + SENTINEL);
            } else if (selector.equals(Condition.LIST_TYPE_2.description)) {
                query.put("list-type", "2");
            } else if (selector.equals(Condition.FORM.description)) {
                headers.add("Content-Type", "multipart/form-data; boundary=b");
                body = Buffer.buffer("--b--\r\n");
            }
        }
        RawHttp.Response response = row.target().equals("service")
                ? http.send(HttpMethod.valueOf(row.method()), null, null, query, headers, body)
                : http.send(HttpMethod.valueOf(row.method()), BUCKET, row.target().equals("object") ? TARGET : null,
                        query, headers, body);
        if (row.status().equals("501")) {
            assertThat(response.status()).as(response.text()).isEqualTo(501);
        } else {
            assertThat(response.status()).as(response.text()).isNotEqualTo(501);
        }
    }

    static Row rowOf(ApiOperation operation) {
        List<String> selectors = new ArrayList<>();
        if (operation.subResource() != null) {
            selectors.add("?" + operation.subResource());
        }
        if (operation.condition() != Condition.NONE) {
            selectors.add(operation.condition().description);
        }
        return new Row(operation.name(), operation.method(), operation.scope().label(),
                selectors.isEmpty() ? "-" : String.join(" + ", selectors),
                operation.implemented() ? "implemented" : "501");
    }

    static Stream<Row> docRows() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int anchor = doc.indexOf(ANCHOR);
        assertThat(anchor).as("emulator.adoc has the " + ANCHOR + " table").isNotNegative();
        int start = doc.indexOf("|===", anchor);
        int end = doc.indexOf("|===", start + 4);
        List<Row> rows = new ArrayList<>();
        String[] lines = doc.substring(start + 4, end).strip().split("\n");
        // the first line is the header row
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.substring(1).split("\\s*\\|");
            assertThat(cells).as(line).hasSize(5);
            rows.add(new Row(cell(cells[0]), cell(cells[1]), cell(cells[2]), cell(cells[3]), cell(cells[4])));
        }
        return rows.stream();
    }

    private static String cell(String text) {
        return text.replace("`", "").strip();
    }
}
