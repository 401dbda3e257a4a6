package io.quarkiverse.alioss.benchmarks.callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerRequest;

/**
 * How the official OSS sample callback server (Java, in Alibaba Cloud's callback documentation) receives a callback,
 * written again as a JAX-RS resource: for every request it decodes the key URL header, checks the URL's prefix,
 * downloads the PEM over a new HTTP connection, parses it, verifies MD5withRSA over the decoded path, the query, a
 * newline and the body, and replies {@code {"Status":"OK"}}. Blocking, as the sample is.
 */
@Path("/sample/callback")
public class SampleCallbackServer {

    @ConfigProperty(name = "bench.key-url-prefix")
    String keyUrlPrefix;

    @POST
    public Response callback(byte[] body, @HeaderParam("authorization") String authorization,
            @HeaderParam("x-oss-pub-key-url") String keyUrlHeader, @Context HttpServerRequest request)
            throws IOException {
        if (authorization == null || keyUrlHeader == null) {
            return reply(400, "{\"Status\":\"verify not ok\"}");
        }
        byte[] signature = Base64.getDecoder().decode(authorization);
        String keyUrl = new String(Base64.getDecoder().decode(keyUrlHeader), StandardCharsets.UTF_8);
        if (!keyUrl.startsWith(keyUrlPrefix)) {
            return reply(400, "{\"Status\":\"verify not ok\"}");
        }
        String pem = download(keyUrl);
        String base64Key = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replace("\n", "").replace("\r", "");
        String signed = URLDecoder.decode(request.path(), StandardCharsets.UTF_8)
                + (request.query() == null ? "" : "?" + request.query())
                + "\n" + new String(body, StandardCharsets.UTF_8);
        return verified(base64Key, signed, signature) ? reply(200, "{\"Status\":\"OK\"}")
                : reply(400, "{\"Status\":\"verify not ok\"}");
    }

    /** A fresh connection per key, as the sample opens a new HTTP client for every callback. */
    private static String download(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Connection", "close");
        try (InputStream in = connection.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    private static boolean verified(String base64Key, String signed, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Key)));
            Signature verifier = Signature.getInstance("MD5withRSA");
            verifier.initVerify(key);
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Response reply(int status, String json) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json).build();
    }
}
