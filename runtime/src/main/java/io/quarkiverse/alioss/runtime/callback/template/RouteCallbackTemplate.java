package io.quarkiverse.alioss.runtime.callback.template;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.CallbackTemplate;
import io.quarkiverse.alioss.runtime.config.OssCallbackSettings;

/**
 * The {@link OssCallbackTemplate} of one endpoint: its body template holds the variables the method binds plus
 * {@code bucket} and {@code object}, and the specs it fills carry a token issuer, so that the token is issued for the
 * upload the spec is bound to.
 */
public final class RouteCallbackTemplate implements OssCallbackTemplate {

    private final CallbackEndpoint endpoint;
    private final CallbackTemplate template;
    private final OssCallbackSettings settings;
    private final String rootPath;
    private final CallbackTokens tokens;

    /** @param tokens null when callback tokens are disabled */
    public RouteCallbackTemplate(CallbackEndpoint endpoint, CallbackTemplate template, OssCallbackSettings settings,
            String rootPath, CallbackTokens tokens) {
        this.endpoint = endpoint;
        this.template = template;
        this.settings = settings;
        this.rootPath = rootPath;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return template.name();
    }

    @Override
    public String path() {
        return endpoint.fullPath();
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
        List<String> urls = CallbackUrls.of(baseUrls, rootPath).forPath(template.path(), null);
        return template.fill(urls, customValues,
                tokens == null ? null : (target, vars) -> tokens.queryFor(name(), target, vars));
    }

    @Override
    public String toString() {
        return "OssCallbackTemplate[" + name() + " " + path() + "]";
    }
}
