package io.quarkiverse.alioss.emulator.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkiverse.alioss.emulator.auth.SignedRequest;
import io.quarkiverse.alioss.emulator.fault.CorruptingWriteStream;
import io.quarkiverse.alioss.emulator.xml.XmlWriter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.WriteStream;

/** One request being answered: where it is addressed, its id, and the ways to answer it the OSS way. */
final class OssExchange {

    final HttpServerRequest request;
    final String requestId;
    final String bucket;
    final String key;
    final List<Map.Entry<String, String>> query;
    String operation;
    boolean corrupt;

    OssExchange(HttpServerRequest request, String requestId, Addressing.Target target) {
        this.request = request;
        this.requestId = requestId;
        this.bucket = target.bucket();
        this.key = target.key();
        this.query = target.query();
    }

    HttpServerResponse response() {
        return request.response();
    }

    String header(String name) {
        return request.getHeader(name);
    }

    /** First value of a decoded query parameter, or null. */
    String param(String name) {
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    boolean hasParam(String name) {
        return param(name) != null;
    }

    SignedRequest signedRequest() {
        return new SignedRequest(request.method().name(), bucket, key, query, request.headers());
    }

    boolean isHead() {
        return request.method() == HttpMethod.HEAD;
    }

    /** Where the body goes: the response itself, or a corrupting wrapper when that fault is on. */
    WriteStream<Buffer> bodyStream() {
        return corrupt ? new CorruptingWriteStream(response()) : response();
    }

    Future<Void> send(int status, Buffer body, String contentType) {
        HttpServerResponse response = response().setStatusCode(status);
        if (contentType != null) {
            response.putHeader("Content-Type", contentType);
        }
        if (isHead()) {
            return response.putHeader("Content-Length", String.valueOf(body.length())).end();
        }
        return response.end(corrupt ? CorruptingWriteStream.corrupt(body) : body);
    }

    Future<Void> sendXml(int status, XmlWriter xml) {
        return send(status, xml.toBuffer(), "application/xml");
    }

    Future<Void> sendEmpty(int status) {
        return response().setStatusCode(status).putHeader("Content-Length", "0").end();
    }

    /** Answers with the error XML (or, for HEAD, the Base64 XML in {@code x-oss-err} and no body). */
    Future<Void> fail(OssError error) {
        HttpServerResponse response = response();
        if (response.headWritten() || response.ended()) {
            request.connection().close();
            return Future.succeededFuture();
        }
        discardUnreadBody();
        String xml = errorXml(error);
        response.setStatusCode(error.status());
        if (error.ec() != null) {
            response.putHeader("x-oss-ec", error.ec());
        }
        if (isHead()) {
            response.putHeader("x-oss-err",
                    Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
            return response.putHeader("Content-Length", "0").end();
        }
        return send(error.status(), Buffer.buffer(xml), "application/xml");
    }

    String errorXml(OssError error) {
        XmlWriter xml = new XmlWriter().start("Error")
                .element("Code", error.code())
                .element("Message", error.getMessage())
                .element("RequestId", requestId)
                .element("HostId", hostId());
        error.details().forEach(xml::element);
        if (error.ec() != null) {
            xml.element("EC", error.ec())
                    .element("RecommendDoc", "https://api.aliyun.com/troubleshoot?q=" + error.ec());
        }
        return xml.toXml();
    }

    String hostId() {
        String host = request.authority() != null ? request.authority().host() : "localhost";
        return bucket == null || host.startsWith(bucket + ".") ? host : bucket + "." + host;
    }

    /** Lets an unread upload body drain so the connection stays usable after an early answer. */
    void discardUnreadBody() {
        if (!request.isEnded()) {
            request.handler(chunk -> {
            });
            request.resume();
        }
    }
}
