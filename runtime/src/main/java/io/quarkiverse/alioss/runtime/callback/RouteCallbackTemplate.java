package io.quarkiverse.alioss.runtime.callback;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.runtime.config.OssCallbackSettings;

/**
 * The {@link OssCallbackTemplate} of one generated route: its body template holds exactly the variables the method
 * binds, and filling it issues a callback token bound to the name and the custom values.
 */
final class RouteCallbackTemplate implements OssCallbackTemplate {

    private final CallbackEndpoint endpoint;
    private final CallbackTemplate template;
    private final OssCallbackSettings settings;
    private final String rootPath;
    private final CallbackToken token;
    private final Clock clock;

    RouteCallbackTemplate(CallbackEndpoint endpoint, OssCallbackSettings settings, String rootPath, CallbackToken token,
            Clock clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.rootPath = rootPath;
        this.token = token;
        this.clock = clock;
        this.template = CallbackTemplate.of(endpoint.getName(), endpoint.getPath(), endpoint.getBodyType(),
                endpoint.getCallbackHost(), endpoint.isSni(), fields(endpoint));
    }

    /** One field per bound variable; an {@link OssUpload} parameter binds all system variables under their names. */
    static List<CallbackTemplate.Field> fields(CallbackEndpoint endpoint) {
        Set<CallbackTemplate.Field> fields = new LinkedHashSet<>();
        for (CallbackParameter parameter : endpoint.getParameters()) {
            if (parameter.getSource() == CallbackParameter.Source.UPLOAD) {
                OssUpload.SYSTEM_VARIABLES.forEach(variable -> fields.add(CallbackTemplate.Field.of(variable)));
            } else {
                fields.add(new CallbackTemplate.Field(parameter.getBodyKey(), parameter.getVariable()));
            }
        }
        return new ArrayList<>(fields);
    }

    @Override
    public String name() {
        return template.name();
    }

    @Override
    public String path() {
        return endpoint.getFullPath();
    }

    @Override
    public CallbackBodyType bodyType() {
        return template.bodyType();
    }

    @Override
    public String body() {
        return template.body();
    }

    @Override
    public List<String> customVariables() {
        return template.customVariables();
    }

    @Override
    public OssCallbackSpec fill(Map<String, String> customValues) {
        List<String> baseUrls = settings.baseUrls().stream().map(URI::toString).toList();
        if (baseUrls.isEmpty()) {
            throw new IllegalStateException("quarkus.oss.callback.base-url is not set: OSS needs the public URL of "
                    + "this application to call back '" + name() + "'");
        }
        Duration ttl = settings.tokenTtl();
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        return template.fill(CallbackUrls.of(baseUrls, rootPath), customValues, token, expiry);
    }

    @Override
    public String toString() {
        return "OssCallbackTemplate[" + name() + " " + path() + "]";
    }
}
